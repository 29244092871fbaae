# Chained comparisons, short-circuit and/or/not, conditional expressions.

calls: list[str] = []


def probe(name: str, v: int) -> int:
    calls.append(name)
    return v


def truthy(name: str, b: bool) -> bool:
    calls.append(name)
    return b


def main() -> None:
    for x in range(-2, 5):
        print(x, 0 < x < 3, -1 <= x <= 1, x == x < 4, 1 < x > 2, 0 <= x != 2 < 5)
    print(1 < 2 < 3 < 4, 1 < 3 < 2 < 4, 3 > 2 > 1 >= 1 == 1)
    calls.clear()
    print(probe("a", 1) < probe("b", 0) < probe("c", 5), calls)
    calls.clear()
    print(probe("a", 1) < probe("b", 2) < probe("c", 5), calls)
    calls.clear()
    print(truthy("t", True) or truthy("u", False), calls)
    calls.clear()
    print(truthy("f", False) and truthy("u", True), calls)
    calls.clear()
    print(not truthy("f", False) and truthy("t", True), calls)
    for a in [True, False]:
        for b in [True, False]:
            print(a, b, a and b, a or b, not a, a != b, a == (not b))
    for n in range(-3, 4):
        sign: str = "neg" if n < 0 else "zero" if n == 0 else "pos"
        print(n, sign, "even" if n % 2 == 0 else "odd", abs(n) if n < 0 else n)
    print(1.5 < 2 < 2.5, "a" < "b" < "c", [1, 2] == [1, 2], [1] != [2])
    print(1 == 1.0, 2 > 1.5, -0.0 == 0.0, 3 >= 3.0 > 2)


if __name__ == "__main__":
    main()
