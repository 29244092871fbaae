# Arithmetic on object values follows CPython's promotion rules; what the
# types do not support raises CPython's TypeError, caught and printed.


def apply(op: str, x: object, y: object) -> object:
    if op == "+":
        return x + y
    if op == "-":
        return x - y
    if op == "*":
        return x * y
    if op == "/":
        return x / y
    if op == "//":
        return x // y
    if op == "%":
        return x % y
    if op == "**":
        return x ** y
    if op == "&":
        return x & y
    return x << y


def main() -> None:
    values = [7, -2, 2.5, True, "ab", [1, 2], None]
    for op in ["+", "-", "*", "/", "//", "%", "**", "&", "<<"]:
        for x in values:
            for y in values:
                if op == "%" and x == "ab":
                    continue    # printf-style formatting: not supported
                if op == "**" and x == -2 and y == 2.5:
                    continue    # a complex result: asyncc has no complex numbers
                try:
                    r = apply(op, x, y)
                    print(repr(x), op, repr(y), "=", repr(r))
                except (TypeError, ZeroDivisionError, ValueError) as e:
                    print(repr(x), op, repr(y), "->", type(e).__name__ + ":", e)
    n: object = 5
    for v in [n, 2.5, True, "s", None]:
        try:
            print(-v, +v)
        except TypeError as e:
            print(e)
        try:
            print(~v)
        except TypeError as e:
            print(e)
    total: object = 0
    for v in [1, 2.5, True]:
        total += v
    print(total)
    text: object = "x"
    text *= 3
    text += "y"
    print(text)
    try:
        text -= 1
    except TypeError as e:
        print(e)
    shared: object = [1]
    alias = shared
    shared += [2]
    print(shared, alias)
    print(abs(n - 9), abs(-2.5), int("12") + n, float(n) / 2)
    print(sum([1, 2.5, True]), sum(values[:4]))
    try:
        print(sum(values))
    except TypeError as e:
        print(e)


if __name__ == "__main__":
    main()
