# Module-level code: a global bound on some paths only is NameError where it
# is not ("name 'x' is not defined"); a function's `global` store binds it.
import sys

if len(sys.argv) > 5:
    mode = "fast"
    level = 3
try:
    print(mode)
except NameError as e:
    print("NameError:", e)
try:
    print(level + 1)
except NameError as e:
    print("NameError:", e)


def setup():
    global level
    level = 7


setup()
print("level", level)
for i in range(3):
    if i > 0:
        print("previous", previous)
    previous = i
for j in []:
    final = j
try:
    print(final)
except NameError as e:
    print("NameError:", e)

if len(sys.argv) > 5:
    limit = 10
    label = "big"


def show():
    try:
        return f"{label}:{limit}"
    except NameError as e:  # a function's read of a global bound on some paths only
        return str(e)


print(show())
label = "small"
limit = 1
print(show())
