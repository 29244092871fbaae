# An uncaught exception prints a traceback whose last line is CPython's on
# stderr and exits with status 1; output printed before it stays on stdout.


class ProtocolError(ValueError):
    pass


def parse(s: str) -> int:
    if s == "":
        raise ProtocolError("empty frame at offset 3")
    return len(s)


def main() -> None:
    print("parsing", parse("abc"))
    try:
        parse("")
    except ProtocolError as e:
        print("first time caught:", e)
    print("second time is fatal")
    parse("")
    print("not reached")


if __name__ == "__main__":
    main()
