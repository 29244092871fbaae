# One loop runs several coroutines one after the other; running a finished
# coroutine again gives its result without running it.
import tinyio


def once():
    print("once runs")
    yield
    return 7


def uses(c):
    v = yield c
    return v * 2


loop = tinyio.Loop()
c = once()
print(loop.run(c))
print(loop.run(c))
print(loop.run(uses(c)))
print(loop.run(uses(once())))
