# object values printed: heterogeneous lists and tuples, str/repr/format of
# values whose type is known only at run time, f-string format specs.


def main() -> None:
    row = [1, "two", 3.5, True, None, [4, "five"], (6, "seven")]
    print(row)
    print(len(row), row[1], row[-1], row[5])
    for item in row:
        print(f"{item!r:>12} | {item}")
    num: object = 3
    flt: object = 2.0 / 3.0
    txt: object = "héllo"
    print(f"{num:05d} {flt:.3f} {txt:*^9} {flt:e} {num:x} {num:,}")
    print(str(flt), repr(txt), format(num, "+"), format(flt, ".1%"))
    big: object = 10 ** 15
    print(f"{big:,} {big:_}")
    nested: list[object] = [[1, 2.5], ["a", None], []]
    print(nested, str(nested), repr(nested))
    mixed = (1, "x", [2.0, False])
    print(mixed)
    none: object = None
    print(none, repr(none), f"[{none}]")
    try:
        print(format(none, ">5"))
    except TypeError as e:
        print("TypeError:", e)
    try:
        print(f"{txt:d}")
    except ValueError as e:
        print("ValueError:", e)


if __name__ == "__main__":
    main()
