# Generators dropped while suspended in every kind of place: each is
# closed, its finally blocks run, and whatever its frame holds is released.
def in_handler(tag: str):
    try:
        raise ValueError(tag)
    except ValueError as e:
        yield str(e)
        yield "second"
    finally:
        print("finally of", tag)


def holds(items: list[str]):
    copy = items + ["!"]
    for s in copy:
        yield s


def delegating(items: list[str]):
    try:
        yield from holds(items)
        yield from ["x", "y"]
    finally:
        print("delegating closed")


def from_list():
    print("list gave", (yield from [1, 2, 3]))


def main() -> None:
    a = in_handler("a")
    print(next(a))
    a = in_handler("b")
    print(next(a))
    b = holds(["p", "q"])
    print(next(b))
    c = holds(["never started"])
    d = delegating(["m", "n"])
    print(next(d), next(d), next(d), next(d))
    d.close()
    f = from_list()
    print(next(f))
    try:
        f.throw(KeyError("into a list iterator"))
    except KeyError as e:
        print("came back", repr(e))
    print(list(from_list()))
    print("end", next(b))


main()
