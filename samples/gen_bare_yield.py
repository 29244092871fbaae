# Bare yield (yields None), x = yield, and tuples yielded without parentheses.
def ticker(n: int):
    for _ in range(n):
        yield


def listener():
    while True:
        msg = yield
        if msg is None:
            print("nothing")
        else:
            print("heard", msg)


def pairs():
    yield 1, "a"
    yield 2, "b"


def main() -> None:
    print(list(ticker(3)))
    count = 0
    for _ in ticker(4):
        count += 1
    print(count)
    ear = listener()
    next(ear)
    ear.send("hello")
    next(ear)
    ear.send(42)
    for n, s in pairs():
        print(n, s)


main()
