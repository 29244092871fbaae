# A generator that yields values of several types yields objects.
def mixed():
    yield 1
    yield "two"
    yield 3.5
    yield None
    yield [4, 5]


def echo():
    received: list[object] = []
    while True:
        x = yield len(received)
        if x is None:
            break
        received.append(x)
    return received


def main() -> None:
    for v in mixed():
        print(repr(v))
    print(list(mixed()))
    e = echo()
    next(e)
    e.send("a")
    e.send(2)
    print(e.send([3]))
    try:
        e.send(None)
    except StopIteration as s:
        print(s.value)


main()
