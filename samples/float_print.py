# print/str/repr of floats must be CPython-exact: shortest round-trip repr.


def show(label: str, x: float) -> None:
    print(label, x, str(x), repr(x), [x])


def main() -> None:
    show("tenth", 0.1)
    show("third", 1.0 / 3.0)
    show("small", 0.00001)
    show("smaller", 0.0001)
    show("tiny", 1.5e-300)
    show("big15", 1e15)
    show("big16", 1e16)
    show("big16b", 12345678901234567.0)
    show("e22", 1e22)
    show("whole", 100.0)
    show("neg", -2.5)
    show("negzero", -0.0)
    show("zero", 0.0)
    show("inf", 1e308 * 10)
    show("ninf", -1e308 * 10)
    nan: float = 1e308 * 10 - 1e308 * 10
    show("nan", nan)
    print(nan == nan, nan != nan, nan < 1.0)
    show("pi-ish", 3.141592653589793)
    show("max", 1.7976931348623157e308)
    show("min", 5e-324)
    show("sum", 0.1 + 0.7)
    show("prod", 1.23456789 * 1000)
    for i in range(-5, 6):
        print(i, 10.0 ** i, 2.0 ** (i * 7))
    print(float("1e5"), float("-0"), float("  2.5  "), float("inf"))


if __name__ == "__main__":
    main()
