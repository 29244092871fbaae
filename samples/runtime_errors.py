# Built-in error messages must match CPython's exactly.


def try_int_div(a: int, b: int) -> None:
    try:
        print(a // b)
    except ZeroDivisionError as e:
        print("//:", e)
    try:
        print(a % b)
    except ZeroDivisionError as e:
        print("%:", e)
    try:
        print(a / b)
    except ZeroDivisionError as e:
        print("/:", e)


def try_float_div(a: float, b: float) -> None:
    try:
        print(a / b)
    except ZeroDivisionError as e:
        print("f/:", e)
    try:
        print(a // b)
    except ZeroDivisionError as e:
        print("f//:", e)
    try:
        print(a % b)
    except ZeroDivisionError as e:
        print("f%:", e)


def main() -> None:
    try_int_div(7, 2)
    try_int_div(7, 0)
    try_float_div(7.0, 0.0)
    xs: list[int] = [1, 2, 3]
    s: str = "abc"
    for i in [2, 3, -3, -4]:
        try:
            print("list", i, xs[i])
        except IndexError as e:
            print("list", i, repr(e))
        try:
            print("str", i, s[i])
        except IndexError as e:
            print("str", i, repr(e))
    empty: list[int] = []
    try:
        empty.pop()
    except IndexError as e:
        print("pop:", e)
    try:
        print(xs.index(42))
    except ValueError as e:
        print("index:", e)
    for text in ["12", " -7 ", "1.5", "abc", ""]:
        try:
            print("int", repr(text), int(text))
        except ValueError as e:
            print("int", repr(text), e)
    for text in ["1.5", "-2e3", "nan?", " "]:
        try:
            print("float", repr(text), float(text))
        except ValueError as e:
            print("float", repr(text), e)
    try:
        print(min(empty))
    except ValueError as e:
        print("min:", e)


if __name__ == "__main__":
    main()
