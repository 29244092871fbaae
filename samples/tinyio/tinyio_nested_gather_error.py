# An error deep in a nested gather: the coroutines are cancelled in the
# order they started, and each cleans up.
import tinyio


def leaf(name: str, t: float):
    try:
        yield tinyio.sleep(t)
        print(name, "finished")
        return name
    except tinyio.CancelledError:
        print(name, "cancelled")
        raise


def broken():
    yield tinyio.sleep(0.02)
    raise ZeroDivisionError("division by zero")


def branch(name: str):
    try:
        out = yield [leaf(name + "1", 0.01), leaf(name + "2", 0.5), broken()]
        return out
    except tinyio.CancelledError:
        print(name, "branch cancelled")
        raise


def main():
    try:
        yield [branch("a"), leaf("solo", 0.7)]
    except tinyio.CancelledError:
        print("main cancelled")
        raise


try:
    tinyio.Loop().run(main())
except ZeroDivisionError as e:
    print("caught", repr(e))
