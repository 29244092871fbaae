def outer() -> None:
    n: int = 0

    def inner() -> None:
        nonlocal n
        n += 1
