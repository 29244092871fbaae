# A TypeError from an object operation that nothing catches ends the
# program with CPython's last line and exit status.


def total(values: list[object]) -> object:
    acc: object = 0
    for v in values:
        acc = acc + v
    return acc


def main() -> None:
    print(total([1, 2.5, True]))
    print(total([1, "2"]))


main()
