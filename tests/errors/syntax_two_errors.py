def f(a: int) -> int:
    return a +


def g(b: int) -> int:
    return b * * 2
