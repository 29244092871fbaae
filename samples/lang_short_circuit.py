# Chained comparisons, short-circuit and/or/not and conditional expressions,
# with side effects made visible by functions that print when called: each
# operand is evaluated at most once and only when needed.


def v(n: int) -> int:
    print(f"v({n})", end=" ")
    return n


def t(name: str, r: bool) -> bool:
    print(f"{name}", end=" ")
    return r


def s(x: str) -> str:
    print(f"s({x!r})", end=" ")
    return x


def main() -> None:
    print("|", v(1) < v(2) < v(3))
    print("|", v(3) < v(2) < v(1))
    print("|", v(1) < v(0) < v(5))
    print("|", v(1) <= v(1) == v(1) != v(2) > v(0) >= v(0))
    print("|", v(5) > v(3) > v(4) > v(0))
    print("|", -1 < v(0) < 1, 1 < 2 < 3 < 4 < 2)
    print("|", t("a", True) and t("b", False) and t("c", True))
    print("|", t("a", False) and t("b", True))
    print("|", t("a", False) or t("b", False) or t("c", True) or t("d", True))
    print("|", t("a", True) or t("b", True))
    print("|", not t("a", False) and t("b", True))
    print("|", t("a", False) or t("b", True) and t("c", False))
    print("|", (t("a", False) or t("b", True)) and t("c", False))
    print("|", repr(s("") or s("default")), repr(s("x") and s("y")))
    print("|", repr(s("") and s("never")), repr(s("first") or s("never")))
    print("|", v(0) or v(7), v(3) and v(0), v(0) and v(9), v(2) or v(9))
    for n in [-5, 0, 5, 15]:
        kind: str = "neg" if n < 0 else "zero" if n == 0 else "small" if n < 10 else "big"
        print(n, kind, v(n) if n > 0 else -1)
    for a in [1, 2]:
        r: int = v(10) if t("cond", a == 1) else v(20)
        print("| r =", r)
    lst: list[int] = [1, 2, 3]
    print(len(lst) > 0 and lst[0] == 1, len(lst) > 5 and lst[5] == 0)
    idx: int = 7
    print(idx < len(lst) and lst[idx] > 0, not lst, not lst[3:], not "", not "a")
    x: int = 5
    print(0 < x < 10, 0 < x > 3, x == 5 == 5.0, 1 < x < 3, x != 5 != 6)
    print("a" < "b" < "c", "b" < "a" < "c", 0.5 < x / 2 <= 2.5)
    count: int = 0
    for i in range(-3, 4):
        if i != 0 and i % 2 == 1 or i == -2:
            count += 1
            print(i, end=" ")
    print("| count", count)
    b: bool = not (x > 3 and x < 4) or False
    print(b, True and 3 > 2, False or not True, bool(0) or bool("0"))


if __name__ == "__main__":
    main()
