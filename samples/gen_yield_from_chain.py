# yield from three deep: values, sends and throws pass through every level.
def leaf():
    total = 0
    try:
        while True:
            try:
                x = yield total
            except KeyError as e:
                print("leaf caught", repr(e))
                total = -1
                continue
            if x is None:
                break
            total += x
    finally:
        print("leaf finally")
    return total


def middle():
    r = yield from leaf()
    print("middle got", r)
    return r * 10


def top():
    try:
        r = yield from middle()
        print("top got", r)
        yield r
    finally:
        print("top finally")


def main() -> None:
    g = top()
    print(next(g))
    print(g.send(3))
    print(g.send(4))
    print(g.throw(KeyError("forwarded")))
    print(g.send(5))
    print(g.send(None))
    try:
        next(g)
    except StopIteration:
        print("done")
    h = top()
    next(h)
    h.send(1)
    h.close()
    print("closed h")
    k = top()
    next(k)
    try:
        k.throw(ValueError("not caught"))
    except ValueError as e:
        print("escaped", e)


main()
