# Integer arithmetic with Python semantics: // and % floor toward -infinity,
# / gives a float, ** with small non-negative exponents.


def table(op: str) -> None:
    values: list[int] = [-7, -3, -1, 0, 1, 3, 7]
    divisors: list[int] = [-4, -3, -1, 1, 2, 5]
    for a in values:
        row: str = f"{a:>3} {op}"
        for b in divisors:
            if op == "//":
                row += f" {a // b:>3}"
            elif op == "%":
                row += f" {a % b:>3}"
            else:
                row += f" {a / b:>7.3f}"
        print(row)


def powers() -> None:
    for base in range(-3, 4):
        line: list[int] = []
        for e in range(0, 5):
            line.append(base ** e)
        print(base, line)


def main() -> None:
    print("divisors: -4 -3 -1 1 2 5")
    table("//")
    table("%")
    table("/")
    powers()
    x: int = 17
    x += 5
    x -= 30
    x *= -3
    x //= 5
    x %= 7
    print("x =", x)
    print(-(-9) // 4, -9 // 4, 9 // -4, -9 % 4, 9 % -4)
    print(2 ** 62, -(2 ** 62), 2 ** 10 - 1)
    print(abs(-12), abs(0), min(3, -8, 5), max(3, -8, 5))
    big: int = 1
    for i in range(20):
        big = big * 3 + i
    print("big", big)
    print(7 // 1, -7 // 1, 0 // -5, 0 % -5)


if __name__ == "__main__":
    main()
