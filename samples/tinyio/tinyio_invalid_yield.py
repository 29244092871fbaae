# Yielding something that is not None, a coroutine, a list or a set is an
# error: the coroutine gets CancelledError with tinyio's message.
import tinyio


def confused():
    try:
        yield 5
    except tinyio.CancelledError as e:
        print("confused got:", e)
        raise


try:
    tinyio.Loop().run(confused())
except tinyio.CancelledError as e:
    print("loop.run raised CancelledError")
    print(str(e))
