def f(a: int b: int) -> None:
    pass
