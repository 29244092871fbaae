# object values mixed with statically typed ones: str.format, static
# strings and lists indexed or repeated by an object, int/float operands.
def main() -> None:
    a: object = 1
    b: object = "xy"
    c: object = 2.5
    print("{} {:>5} {!r} {:.2f}".format(a, b, b, c))
    print(", ".join([str(v) for v in [a, b, c]]))
    print(str(a) * 2)
    s = "abc"
    print(s[a], s * a, [0, 1, 2][a])
    i: int = 2
    print(i + a, a + i, c * i, i - c, i < c, c > i, i == a)


main()
