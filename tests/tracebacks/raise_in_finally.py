def g(n: int) -> int:
    try:
        if n > 0:
            raise ValueError("a")
        return 1
    finally:
        print(1 // (n - 1))


print(g(1))
