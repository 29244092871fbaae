# an unsupported statement does not hide the errors after it, and the
# names it binds do not cause errors of their own
def main() -> None:
    f = lambda: 1
    print(f())
    x: int = "one"
    with open("data") as fh:
        print(fh.read())
    print(fh)
    n: int = len(5)


def count() -> int:
    match later:
        case _:
            pass


def later(a: int) -> str:
    return a


def other() -> None:
    f: int = "a name rejected elsewhere is still checked here"
    print(f)
