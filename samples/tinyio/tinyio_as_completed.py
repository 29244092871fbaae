# as_completed: results in the order the coroutines finish.
import tinyio


def sleeper(x: float):
    yield tinyio.sleep(x)
    return x


def main():
    for out in (yield tinyio.as_completed({sleeper(0.05), sleeper(0.01), sleeper(0.03)})):
        out = yield out
        print("as completed:", out)


tinyio.Loop().run(main())
