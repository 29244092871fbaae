# Cancellation runs finally blocks at every level of a chain of coroutines
# waiting on each other.
import tinyio


def leaf(name: str):
    try:
        yield tinyio.sleep(1)
    finally:
        print("finally", name)


def middle(name: str):
    try:
        v = yield leaf(name + ".leaf")
        return v
    finally:
        print("finally", name)


def trigger():
    yield tinyio.sleep(0.01)
    raise OSError("disk on fire")


def main():
    try:
        yield [middle("m1"), middle("m2"), trigger()]
    finally:
        print("finally main")


try:
    tinyio.Loop().run(main())
except OSError as e:
    print("error:", e)
