def f(x: frob) -> int:
    return 1
