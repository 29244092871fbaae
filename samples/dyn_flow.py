# object values flowing through returns, conditional expressions, and/or,
# while conditions, min/max of several arguments and comprehensions.
def pick(flag: bool) -> object:
    if flag:
        return 1
    return "one"


def main() -> None:
    a: object = 3
    b: object = 2.5
    print(max(a, b), min(a, b), max(1, a))
    ints = [1, 2, 3]
    print(a in ints, b in ints, a not in ints)
    x = pick(True)
    y = pick(False)
    print(x, y, x == 1, y == "one", x != y)
    z = x if x else y
    w = x or y
    print(z, w, not x, x and y)
    while x:
        x = x - 1
    print(x)
    g: object = None
    print(g == None, str(g))
    t: tuple[int, object] = (1, "a")
    print(t, t[1])
    objs: list[object] = [x for x in range(3)]
    print(objs, [o * 2 for o in objs])


main()
