# list operations: append, pop, insert, index, in, len, sum, min, max,
# sorted, iteration, printing with each element's repr.


def squares(n: int) -> list[int]:
    out: list[int] = []
    for i in range(n):
        out.append(i * i)
    return out


def main() -> None:
    xs: list[int] = squares(6)
    print(xs, len(xs), sum(xs), min(xs), max(xs))
    xs.append(-3)
    xs.insert(0, 99)
    xs.insert(-1, 7)
    print(xs)
    print(xs.pop(), xs.pop(0), xs.pop(2), xs)
    print(xs.index(16), 16 in xs, 17 in xs, 17 not in xs)
    print(sorted(xs), sorted([3, -1, 2, -5]), xs)
    fs: list[float] = [2.5, -1.0, 0.1, 1e10]
    print(fs, sorted(fs), sum(fs), min(fs), max(fs))
    ss: list[str] = ["pear", "Apple", "fig", "apple", ""]
    print(ss, sorted(ss), min(ss), max(ss), len(ss))
    bs: list[bool] = [True, False, True]
    print(bs, len(bs))
    empty: list[int] = []
    print(empty, len(empty), sum(empty), sorted(empty))
    nested: list[list[int]] = [[1, 2], [], [3]]
    nested[1].append(9)
    print(nested, len(nested), nested[0] + nested[2])
    total: int = 0
    for v in xs:
        total += v
    print("total", total)
    a: list[int] = [1, 2, 3]
    b: list[int] = a
    b.append(4)
    print(a, b, a == b, a + [5] * 2, [0] * 3)
    words: list[str] = "the quick brown fox".split()
    lengths: list[int] = []
    for w in words:
        lengths.append(len(w))
    print(words, lengths, repr(words[0]))
    print(["it's", 'q"uote', "back\\slash"], [1.0, -0.0, 1e16])
    while len(a) > 0:
        print("pop", a.pop())


if __name__ == "__main__":
    main()
