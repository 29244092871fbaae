# yield from three deep: throw() is forwarded to the innermost generator,
# which may handle it and go on; close() closes all three, innermost first.
def inner():
    n = 0
    while True:
        try:
            yield n
            n += 1
        except ValueError as e:
            print("inner handled", e)
            n += 100
        finally:
            if n > 1000:
                print("inner finally")


def middle():
    try:
        yield from inner()
    finally:
        print("middle closed")


def outer():
    try:
        yield from middle()
    finally:
        print("outer closed")


def main() -> None:
    g = outer()
    print(next(g))
    print(next(g))
    print(g.throw(ValueError("bad value")))
    print(next(g))
    g.close()
    print("closed")
    h = outer()
    print(next(h))
    try:
        h.throw(KeyError("k"))
    except KeyError as e:
        print("KeyError came out:", e)


main()
