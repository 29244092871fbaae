# list methods: append, pop (with and without index), insert beyond both ends,
# index, remove, extend, reverse, sort (also reverse=True), copy, count,
# `in`, +, *, sorted, sum/min/max of int, float and str lists; errors.


def main() -> None:
    xs: list[int] = [5, -3, 8]
    xs.append(0)
    xs.insert(0, 100)
    xs.insert(100, 99)
    xs.insert(-1, 7)
    xs.insert(-100, -100)
    print(xs, len(xs))
    print(xs.pop(), xs.pop(0), xs.pop(-2), xs.pop(1), xs)
    xs.extend([3, 3, -3])
    xs.extend(xs)
    print(xs, xs.count(3), xs.count(42), xs.index(3), xs.index(-3))
    xs.remove(3)
    xs.remove(-3)
    print(xs, 8 in xs, 42 in xs, 42 not in xs)
    none: list[int] = []
    ys: list[int] = xs.copy()
    ys.sort()
    print(xs, ys)
    ys.sort()
    ys.reverse()
    print(ys)
    ys.reverse()
    print(ys, sorted(xs), sorted(xs, reverse=True))
    print([1, 2] + [3], [0] * 4, 2 * [7, 8], [1] * 0, none + ys[:1])
    fs: list[float] = [2.5, -0.5, 1e-3, 3.0]
    print(sorted(fs), sum(fs), min(fs), max(fs), sorted(fs, reverse=True))
    ss: list[str] = ["pear", "Apple", "fig", "apple", "", "Éclair", "zebra"]
    print(sorted(ss), min(ss), max(ss), sorted(ss, reverse=True))
    ss.sort()
    print(ss, ss.index("fig"), "fig" in ss, ss.count(""))
    print(sum([1, 2, 3]), sum(ys), min(ys), max(ys), sum([0.1, 0.2, 0.3]))
    print(min([3, 1, 2]), max(-1, -5), min(2.5, -1.5), max("a", "b", "ab"))
    bs: list[bool] = [True, False, True]
    print(bs, bs.count(True), sum([1 if b else 0 for b in bs]))
    e: list[int] = []
    try:
        e.pop()
    except IndexError as ex:
        print("IndexError:", ex)
    try:
        xs.pop(50)
    except IndexError as ex:
        print("IndexError:", ex)
    try:
        print(xs.index(12345))
    except ValueError as ex:
        print("ValueError:", ex)
    try:
        ss.remove("kiwi")
    except ValueError as ex:
        print("ValueError:", ex)
    while len(xs) > 0:
        print(xs.pop(), end=" ")
    print("| empty:", xs, len(xs) == 0)


if __name__ == "__main__":
    main()
