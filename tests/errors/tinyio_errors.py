# The tinyio spelling's diagnostics: Loop.run of something that is not a
# coroutine, as_completed of a list, a name tinyio has but asyncc does not
# yet, a context manager other than `(yield sem())`.
import tinyio


def coro():
    yield
    return 1


def main():
    x = yield coro()
    print(x + 1)
    tinyio.Loop().run(5)
    yield tinyio.as_completed([coro()])
    tinyio.isolate(coro())
    with tinyio.Lock():
        pass


tinyio.Loop().run(main())
