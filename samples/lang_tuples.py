# Tuples: packing and unpacking (also swaps and nested), tuple returns,
# printing including the one-element (1,) and empty (), indexing, len,
# comparison, `in`, tuples inside lists, and tuples of mixed types.


def divmod_floor(a: int, b: int) -> tuple[int, int]:
    return a // b, a % b


def stats(xs: list[float]) -> tuple[float, float, int]:
    return (min(xs), max(xs), len(xs))


def name_age(i: int) -> tuple[str, int]:
    names: list[str] = ["ann", "bob", "cy"]
    return (names[i % 3], 20 + i)


def main() -> None:
    for a in [7, -7, 13]:
        for b in [2, -3]:
            q, r = divmod_floor(a, b)
            print(a, b, "->", q, r, divmod_floor(a, b), q * b + r == a)
    lo, hi, n = stats([2.5, -1.0, 4.0])
    print(lo, hi, n, stats([0.5]))
    x: int = 1
    y: int = 2
    x, y = y, x
    print(x, y)
    x, y = x + y, x * y
    print(x, y)
    one: tuple[int] = (1,)
    empty: tuple[()] = ()
    pair: tuple[str, int] = ("a", 1)
    mixed: tuple[int, float, str, bool] = (1, 2.5, "it's", False)
    print(one, empty, pair, mixed, len(one), len(empty), len(mixed))
    print(pair[0], pair[1], pair[-1], mixed[2], one[0])
    print((1, 2) == (1, 2), (1, 2) < (1, 3), (2, 0) > (1, 9), ("a", "b") < ("a", "c"))
    print((1, "x") != (1, "y"), (1, "x") == (1, "x"), (0.5, True) <= (0.5, True))
    people: list[tuple[str, int]] = [name_age(i) for i in range(5)]
    print(people)
    for nm, age in people:
        print(f"{nm:>4}:{age}", end=";")
    print()
    total: int = 0
    for p in people:
        total += p[1]
    print("total", total, people[-1], people[1][0])
    (a1, b1), c1 = (1, 2), 3
    print(a1, b1, c1)
    s1, s2, s3 = "xyz".split("y") + ["w"]
    print(s1, s2, s3)
    f1, f2 = [10, 20]
    print(f1 + f2, (f1, f2), str((f1,)), repr((f2, "q")))
    nested: tuple[tuple[int, int], tuple[str]] = ((1, 2), ("n",))
    print(nested, nested[0][1], nested[1])
    print(sorted([(2, "b"), (1, "z"), (2, "a")]), max([(1, 2), (1, 3)]))


if __name__ == "__main__":
    main()
