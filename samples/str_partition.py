# str.partition / str.rpartition: separator found once, several times, not
# at all, at either end, multi-byte text, unpacking the 3-tuple, and the
# ValueError of an empty separator.


def key_value(line: str) -> str:
    key, eq, value = line.partition("=")
    if not eq:
        return f"{key!r}: no value"
    return f"{key.strip()!r} -> {value.strip()!r}"


def main() -> None:
    print("a=b=c".partition("="), "a=b=c".rpartition("="))
    print("abc".partition("x"), "abc".rpartition("x"))
    print("=abc".partition("="), "abc=".rpartition("="))
    print("".partition(","), "".rpartition(","))
    print("one, two, three".partition(", "), "one, two, three".rpartition(", "))
    print("héllo→wörld→!".partition("→"), "héllo→wörld→!".rpartition("→"))
    for line in ["name = asyncc", "empty=", "no separator", " = x"]:
        print(key_value(line))
    path: str = "/usr/local/lib/libasyncc.a"
    head, sep, tail = path.rpartition("/")
    print(head, sep, tail, len(tail))
    parts: tuple[str, str, str] = "k:v".partition(":")
    print(parts[0], parts[2], len(parts))
    try:
        print("abc".partition(""))
    except ValueError as e:
        print("ValueError:", e)
    try:
        print("abc".rpartition(""))
    except ValueError as e:
        print("ValueError:", e)


if __name__ == "__main__":
    main()
