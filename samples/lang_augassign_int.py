# Augmented assignment with every int operator (+= -= *= //= %= /= **=),
# with negative operands on both sides (// and % floor toward -infinity).


def int_ops(a: int, b: int) -> None:
    x: int = a
    x += b
    y: int = a
    y -= b
    z: int = a
    z *= b
    q: int = a
    q //= b
    m: int = a
    m %= b
    f: float = a
    f /= b
    print(f"{a:>3} {b:>3} | += {x} -= {y} *= {z} //= {q} %= {m} /= {f!r}")


def pow_ops(base: int) -> None:
    row: list[int] = []
    for e in range(0, 6):
        x: int = base
        x **= e
        row.append(x)
    print("pow", base, row)


def main() -> None:
    pairs: list[int] = [7, -7, 13, -13, 1, -1, 0]
    divs: list[int] = [2, -2, 5, -5, 1, -1]
    for a in pairs:
        for b in divs:
            int_ops(a, b)
    for base in [-3, -2, -1, 0, 1, 2, 10]:
        pow_ops(base)
    n: int = 100
    n -= -50
    n //= -7
    n %= -9
    n *= -1
    n **= 3
    print("chain", n)


if __name__ == "__main__":
    main()
