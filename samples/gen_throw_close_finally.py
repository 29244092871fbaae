def worker(name: str):
    try:
        print(name, "started")
        n = 0
        while True:
            try:
                yield n
            except ValueError as e:
                print(name, "handled", e)
                n += 100
            n += 1
    finally:
        print(name, "cleanup")


def stubborn():
    while True:
        try:
            yield 1
        except GeneratorExit:
            print("ignoring close")


def main() -> None:
    w = worker("w")
    print(next(w))
    print(next(w))
    print(w.throw(ValueError("bad value")))
    print(next(w))
    w.close()
    print("closed")
    w.close()
    try:
        next(w)
    except StopIteration:
        print("exhausted after close")
    v = worker("v")
    print(next(v))
    try:
        v.throw(KeyError("k"))
    except KeyError as e:
        print("propagated", repr(e))
    u = worker("u")
    u.close()
    print("closing an unstarted generator runs nothing")
    s = stubborn()
    next(s)
    try:
        s.close()
    except RuntimeError as e:
        print("RuntimeError:", e)
    t = worker("t")
    try:
        t.throw(ValueError("early"))
    except ValueError as e:
        print("unstarted throw:", e)


main()
