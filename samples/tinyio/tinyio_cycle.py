# Two coroutines waiting for each other can never finish: the loop finds
# the cycle, cancels everything and raises CancelledError.  (The list the
# gather is built from holds coroutines of two functions: it yields
# objects.)
import tinyio

holder = []


def a():
    try:
        print("a yields")
        v = yield holder[0]
        return v
    except tinyio.CancelledError as e:
        print("a cancelled:", e)
        raise


def b(x):
    print("b yields")
    v = yield x
    return v


def main():
    ca = a()
    cb = b(ca)
    holder.append(cb)
    yield [ca, cb]


try:
    tinyio.Loop().run(main())
except tinyio.CancelledError as e:
    print("run raised:", e)
