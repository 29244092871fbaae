def fragile(n: int):
    for i in range(n):
        if i == 2:
            raise ValueError(f"bad item {i}")
        yield i


def wrapper():
    try:
        yield from fragile(5)
    except ValueError as e:
        print("wrapper saw", e)
        yield -1


def main() -> None:
    try:
        for x in fragile(5):
            print(x)
    except ValueError as e:
        print("caught", e)
    print(list(wrapper()))
    g = fragile(1)
    print(next(g))
    try:
        next(g)
    except StopIteration:
        print("stopped")
    for x in fragile(3):
        print("last", x)


main()
