def down(n: int) -> int:
    if n == 0:
        return 0
    return down(n - 1) + 1


print(down(100000))
