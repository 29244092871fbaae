# Augmented assignment on float, str and list operands, with negative
# values on both sides (float // and % floor toward -infinity as well).


def float_ops(a: float, b: float) -> None:
    x: float = a
    x += b
    y: float = a
    y -= b
    z: float = a
    z *= b
    w: float = a
    w /= b
    q: float = a
    q //= b
    m: float = a
    m %= b
    p: float = a
    p **= 2.0
    print(a, b, "->", x, y, z, w, q, m, p)


def main() -> None:
    float_ops(7.5, 2.0)
    float_ops(-7.5, 2.0)
    float_ops(7.5, -2.0)
    float_ops(-7.5, -2.0)
    float_ops(0.1, 0.2)
    float_ops(-0.0, 3.0)
    float_ops(1e150, -1e10)
    float_ops(5.0, 0.5)
    s: str = "ab"
    s += "cd"
    s *= 3
    s += ""
    print(s, len(s))
    t: str = "é"
    t *= 4
    t += "!"
    print(t, len(t))
    xs: list[int] = [1, 2]
    xs += [3, -4]
    xs *= 2
    print(xs)
    ys: list[str] = ["x"]
    ys *= 0
    print(ys, len(ys))
    fs: list[float] = [0.5]
    fs += fs
    fs += [-1.25]
    print(fs, sum(fs))
    acc: float = 1.0
    for i in range(10):
        acc *= -1.5
        acc -= 0.25
    print("acc", acc)


if __name__ == "__main__":
    main()
