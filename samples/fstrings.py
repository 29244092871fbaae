# f-strings and str.format with format specs.


def main() -> None:
    n: int = 42
    neg: int = -1234567
    x: float = 3.14159265
    name: str = "asyncc"
    print(f"{n}|{n:5}|{n:<5}|{n:^5}|{n:>5}|{n:05}|{n:+}|{n: }")
    print(f"{neg:,}|{neg:_}|{neg:>12,}|{-neg:x}|{n:X}|{n:o}|{n:b}")
    print(f"{n:#x}|{n:#o}|{n:#b}|{n:#010x}|{255:08b}")
    print(f"{x:.2f}|{x:8.3f}|{x:<8.1f}|{x:^9.2f}|{x:+.0f}|{-x:.4f}")
    print(f"{x:e}|{x:.2e}|{123456.789:E}|{x:g}|{1e-7:g}|{123456789.0:g}")
    print(f"{0.25:%}|{0.25:.1%}|{1.0:.0%}|{1234.5:,.2f}")
    print(f"{name}|{name:>10}|{name:*<10}|{name:-^12}|{name!r}|{name:.3}")
    print(f"{True}|{None}|{[1, 2]}|{'q'!r}|{n * 2 + 1}|{x > 3}")
    print(f"{{braces}} {n}{n}{'' if n else 'no'}")
    width: int = 7
    prec: int = 2
    print(f"[{x:{width}.{prec}f}] [{n:>{width}}]")
    print("{} + {} = {}".format(1, 2, 1 + 2))
    print("{0}{1}{0}".format("ab", "-"), "{:>6.2f}|{:<4d}|".format(2.5, 7))
    print("{:,}".format(10 ** 9), "{!r}".format("s"), "{:^7}".format("mid"))
    for v in [0, 1, -1, 10, 999, -1000]:
        print(f"{v:6d}|{v:+6d}|{v:<6d}|{v:x}")
    for f in [0.0, -0.0, 0.5, 1.5, 2.5, 1e10, 1e-10, 123.456]:
        print(f"{f}|{f:.3g}|{f:10.4f}|{f:.1e}")


if __name__ == "__main__":
    main()
