# return inside try/finally, a yield in a finally block during close(), errors raised inside generator expressions.
def g1():
    try:
        yield 1
        return 5
    finally:
        print("finally g1")


def g2():
    try:
        yield 1
    finally:
        yield 2


def main() -> None:
    print(list(g1()))
    x = g2()
    next(x)
    try:
        x.close()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        print(next(x, 99))
    except GeneratorExit:
        print("the pending GeneratorExit left the finally block")
    t = (n * 2 for n in range(3))
    try:
        print([10 // (v - 2) for v in t])
    except ZeroDivisionError as e:
        print("zde", e)
    bad = (10 // (v - 2) for v in range(4))
    print(next(bad), next(bad))
    print(next(bad))


main()
