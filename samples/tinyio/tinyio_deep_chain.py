# A chain of coroutines each waiting for the next, 200 deep.
import tinyio


def countdown(n: int):
    if n == 0:
        yield
        return 0
    below = yield countdown(n - 1)
    return below + n


def main():
    total = yield countdown(200)
    print("sum 0..200 =", total)
    pair = yield [countdown(10), countdown(20)]
    print(pair)


tinyio.Loop().run(main())
