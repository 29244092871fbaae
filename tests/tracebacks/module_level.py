def f(xs: list[int]) -> int:
    return xs[3]


print("before")
print(f([1, 2]))
