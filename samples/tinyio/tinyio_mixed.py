# The as_completed demo of tinyio's docstring, yield from Event.wait/sleep,
# a gather of coroutines returning lists and a dict, a Barrier of two, and
# Loop.run giving a list back.
import tinyio


def sleep(x):
    yield tinyio.sleep(x)
    return x


def as_completed_demo():
    for out in (yield tinyio.as_completed({sleep(0.07), sleep(0.02), sleep(0.04)})):
        out = yield out
        print(f"As completed demo: {out}")


def waiter(ev, name, t):
    yield from ev.wait(t)
    print(name, "after wait, set:", ev.is_set())
    return [name, name]


def setter(ev):
    yield from tinyio.sleep(0.03)
    ev.set()
    return {"set": 1}


def main():
    yield as_completed_demo()
    ev = tinyio.Event()
    r = yield [waiter(ev, "short", 0.01), waiter(ev, "long", 1.0), setter(ev)]
    print(r)
    b = tinyio.Barrier(2)
    x, y = yield [b.wait(), b.wait()]
    print(x, y)
    return [1.5, 2.5]


out = tinyio.Loop().run(main())
print(out, sum(out))
