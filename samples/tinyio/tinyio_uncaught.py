# An error nobody catches leaves loop.run and ends the program with a
# traceback, after every other coroutine was cancelled.
import tinyio


def sibling():
    try:
        yield tinyio.sleep(1)
    except tinyio.CancelledError:
        print("sibling cancelled")
        raise


def bad():
    yield
    raise RuntimeError("bad coroutine")


def main():
    yield [sibling(), bad()]


tinyio.Loop().run(main())
