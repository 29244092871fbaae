# The assignment inside try raised, so the name was never bound: reading it
# in the handler (or after) raises UnboundLocalError.


def parse(text):
    try:
        number = int(text)
    except ValueError:
        print("bad input", repr(text))
    try:
        return number + 1
    except UnboundLocalError as e:
        print("  then:", e)
        return None


def ratio(a, b):
    try:
        q = a / b
    finally:
        print("finally ran for", a, b)
    return q


print(parse("41"))
print(parse("x"))
print(ratio(6, 3))
try:
    print(ratio(1, 0))
except ZeroDivisionError as e:
    print("caught", e)
