# Float arithmetic, int/float mixing, floor division and modulo on floats.


def mix(a: int, b: float) -> float:
    return a * b + a / 2 - b


def main() -> None:
    xs: list[float] = [-2.5, -1.0, -0.5, 0.0, 0.5, 1.5, 3.75]
    for x in xs:
        print(x, x * 2, x + 0.25, x - 1, -x, abs(x))
    for a in [-7.5, 7.5]:
        for b in [-2.0, 2.0, 0.5]:
            print(a, b, a // b, a % b, a / b)
    print(mix(3, 1.5), mix(-4, 0.25), mix(0, -2.0))
    print(1 / 3, 2 / 3, 10 / 4, -10 / 4, 7 / 7)
    print(0.1 + 0.2, 0.1 * 3, 1.1 * 1.1, 1e300 * 10, -1e300 * 10)
    print(float(7), float(-3), int(3.99), int(-3.99), int(2.0))
    total: float = 0.0
    for i in range(10):
        total += 0.1
    print("sum of ten 0.1:", total, total == 1.0)
    print(2.0 ** 10, 2.0 ** 0, 1.5 ** 2, (-2.0) ** 3, 0.5 ** 4)
    print(max(1.5, -2.5), min(1.5, -2.5), max(2.0, 1.5), min(-1.0, 0.5))
    y: float = 5.0
    y /= 2
    y *= -3
    y -= 0.5
    y += 10
    print("y =", y)
    print(3 * 0.1 == 0.3, 0.5 + 0.25 == 0.75, 1e16 + 1.0)


if __name__ == "__main__":
    main()
