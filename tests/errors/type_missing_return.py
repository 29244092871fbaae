def sign(n: int) -> int:
    if n > 0:
        return 1
