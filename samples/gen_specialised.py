# One generator function called with different argument types gets one
# compiled specialisation per type; a generator expression inside a
# specialised function captures that specialisation's locals.
def repeat(x, n: int):
    for _ in range(n):
        yield x


def labelled(items):
    prefix = "#"
    return (prefix + str(i) for i in items)


def main() -> None:
    print(list(repeat(3, 2)))
    print(list(repeat("ab", 3)))
    print(list(repeat(1.5, 1)))
    print(sum(repeat(10, 4)))
    print(", ".join(repeat("x", 3)))
    print(list(labelled([1, 2, 3])))
    print(list(labelled(["a", "b"])))


main()
