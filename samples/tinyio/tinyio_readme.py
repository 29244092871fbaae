# The example at the top of tinyio's README: two coroutines gathered with
# `yield [...]`, each sleeping once.
import tinyio


def slow_add_one(x: int):
    yield tinyio.sleep(0.01)
    return x + 1


def foo():
    four, five = yield [slow_add_one(3), slow_add_one(4)]
    return four, five


loop = tinyio.Loop()
out = loop.run(foo())
print(out)
print(out == (4, 5))
