# `yield from` inside a tinyio coroutine: the delegate's yields go to the
# loop and the loop's answers come back to the delegate.
import tinyio


def fetch(x: int):
    yield tinyio.sleep(0.01)
    return x + 100


def fetch_two(a: int, b: int):
    first = yield fetch(a)
    second = yield fetch(b)
    return first + second


def main():
    total = yield from fetch_two(1, 2)
    print("total", total)
    again = yield from fetch_two(10, 20)
    print("again", again)
    return total + again


print(tinyio.Loop().run(main()))
