# tinyio's "asynchronous iterator" pattern: a plain generator hands out
# coroutines to a for loop, and the coroutine yields each to the loop.
import tinyio


def slow_range_i(i: int):
    yield tinyio.sleep(0.01)
    return i


def slow_range(x: int):
    for i in range(x):
        yield slow_range_i(i)


def my_coro():
    for x in slow_range(5):
        x = yield x
        print(f"Got {x}")


tinyio.Loop().run(my_coro())
