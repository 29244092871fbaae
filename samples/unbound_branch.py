# A local assigned in one branch only, read after the if: UnboundLocalError
# on the path that skipped it (CPython's 3.11 message), caught and printed.


def describe(n):
    if n > 0:
        label = "positive"
        size = n * 10
    try:
        print(label, size)
    except UnboundLocalError as e:
        print("error:", e)
    return n


def pick(flag):
    if flag:
        value = 2.5
    elif not flag:
        pass
    try:
        return value * 2
    except NameError as e:  # UnboundLocalError is a NameError
        print(type(e).__name__, "->", e)
        return -1.0


describe(3)
describe(0)
print(pick(True), pick(False))
