# An error in one coroutine cancels every other one: each gets
# tinyio.CancelledError at its yield and may clean up; the original error
# leaves loop.run.
import tinyio


def worker(name: str, delay: float):
    try:
        print(name, "waiting")
        yield tinyio.sleep(delay)
        print(name, "done")
    except tinyio.CancelledError:
        print(name, "cancelled, cleaning up")
        raise


def failing():
    yield tinyio.sleep(0.02)
    print("failing now")
    raise ValueError("boom")


def main():
    yield [worker("w1", 0.5), failing(), worker("w2", 0.6)]
    print("not reached")


try:
    tinyio.Loop().run(main())
except ValueError as e:
    print("loop.run raised", repr(e))
