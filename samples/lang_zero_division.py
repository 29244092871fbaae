# Division and modulo by zero for int and float: ZeroDivisionError with
# CPython's messages, caught on every operator; 0.0 to a negative power;
# float overflow of **; the error leaves the target unchanged.


def int_div(a: int, b: int, op: str) -> str:
    try:
        if op == "/":
            return repr(a / b)
        if op == "//":
            return str(a // b)
        return str(a % b)
    except ZeroDivisionError as e:
        return "ZeroDivisionError: " + str(e)


def float_div(a: float, b: float, op: str) -> str:
    try:
        if op == "/":
            return repr(a / b)
        if op == "//":
            return repr(a // b)
        return repr(a % b)
    except ZeroDivisionError as e:
        return "ZeroDivisionError: " + str(e) + " | " + repr(e)


def main() -> None:
    for op in ["/", "//", "%"]:
        for a in [7, -7, 0]:
            print(f"int {a} {op} 0 ->", int_div(a, 0, op))
            print(f"int {a} {op} 3 ->", int_div(a, 3, op))
        for x in [7.5, -7.5, 0.0, -0.0]:
            print(f"float {x} {op} 0.0 ->", float_div(x, 0.0, op))
            print(f"float {x} {op} -0.0 ->", float_div(x, -0.0, op))
    n: int = 10
    try:
        n //= 0
    except ZeroDivisionError as e:
        print("n unchanged:", n, e.args)
    f: float = 2.5
    try:
        f %= 0.0
    except ZeroDivisionError as e:
        print("f unchanged:", f, e.args)
    try:
        g: float = 0.0 ** -1.0
        print("not reached", g)
    except ZeroDivisionError as e:
        print("pow:", e)
    try:
        h: float = 1e300 ** 2.0
        print("not reached", h)
    except OverflowError as e:
        print("overflow:", e)
    count: int = 0
    for d in range(-2, 3):
        try:
            print("100 //", d, "=", 100 // d, "100 %", d, "=", 100 % d)
        except ZeroDivisionError:
            count += 1
            print("skipped", d)
    print("skipped", count, "divisor(s)")


if __name__ == "__main__":
    main()
