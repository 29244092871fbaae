# Runtime error: a nested function called with too many arguments; CPython names it by its qualified name.
def make_counter(step):
    total = 0

    def bump(n):
        nonlocal total
        total += n * step
        return total

    return bump


bump = make_counter(2)
print(bump(1), bump(3))
try:
    bump(1, 2)
except TypeError as e:
    print("caught:", e)
print(bump(5, 6))
