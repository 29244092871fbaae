# Loops nest: a coroutine may run a whole inner loop of its own.
import tinyio


def inner(x: int):
    yield tinyio.sleep(0.01)
    return x * 10


def inner_main():
    vals = yield [inner(1), inner(2), inner(3)]
    return sum(vals)


def outer():
    print("outer starts")
    yield
    total = tinyio.Loop().run(inner_main())
    print("inner loop gave", total)
    more = yield inner(5)
    return total + more


print(tinyio.Loop().run(outer()))
