def counted(n: int):
    for i in range(n):
        yield i
    return n * 100


def nothing():
    if False:
        yield 0


def raises_stop():
    yield 1
    raise StopIteration(7)


def main() -> None:
    g = counted(2)
    print(next(g), next(g))
    try:
        next(g)
    except StopIteration as e:
        print("value", e.value)
    try:
        next(g)
    except StopIteration as e:
        print("second time", e.value)
    n = nothing()
    try:
        next(n)
    except StopIteration as e:
        print("empty", e.value)
    print(next(nothing(), "default"))
    r = raises_stop()
    print(next(r))
    try:
        next(r)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(list(counted(4)))


main()
