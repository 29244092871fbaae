# int() and float() parsing: whitespace, signs, underscores, special float
# names, and the ValueError messages (with the repr of the input) for bad
# strings; str() of the results and round trips.


def try_int(s: str) -> None:
    try:
        v: int = int(s)
        print(f"int({s!r}) = {v}")
    except ValueError as e:
        print(f"int({s!r}) -> ValueError: {e}")


def try_float(s: str) -> None:
    try:
        v: float = float(s)
        print(f"float({s!r}) = {v!r}")
    except ValueError as e:
        print(f"float({s!r}) -> ValueError: {e}")


def main() -> None:
    good_ints: list[str] = ["0", "42", "-17", "+8", "  12  ", "\t-3\n",
                            "1_000_000", "007", "-0", "9223372036854775807",
                            "-9223372036854775808"]
    bad_ints: list[str] = ["", " ", "abc", "1.5", "1e3", "12a", "--1",
                           "1__0", "_1", "1_", "+", "0x10", "1 2", "café"]
    for s in good_ints:
        try_int(s)
    for s in bad_ints:
        try_int(s)
    good_floats: list[str] = ["0", "1.5", "-2.25", "+.5", "5.", "1e3",
                              "1E-3", "  3.14  ", "inf", "-inf", "Infinity",
                              "-iNF", "nan", "1_000.5", "-0.0", "1e308",
                              "1e400", "-1e400", "2.5e-324", "0.1"]
    bad_floats: list[str] = ["", "abc", "1.2.3", "e5", "1e", "--1", "in f",
                             "1_", ".", "1,5", "nanx", "0x1p3"]
    for s in good_floats:
        try_float(s)
    for s in bad_floats:
        try_float(s)
    total: int = 0
    for s in "3 -4 5 x 10".split():
        try:
            total += int(s)
        except ValueError as e:
            print("skip", repr(s), e.args)
    print("total", total)
    for v in [0.1, 1e16, 1e-5, 123.0, -2.5]:
        print(v, float(str(v)) == v, int(v), str(int(-v)))
    print(int(3.99), int(-3.99), int(True), float(7), float("  -7  "))


if __name__ == "__main__":
    main()
