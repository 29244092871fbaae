# A bare `yield` pauses a coroutine: the others run, then it goes on.
import tinyio


def ticker(name: str, n: int):
    for i in range(n):
        print(name, i)
        yield
    return name


def main():
    names = yield [ticker("a", 3), ticker("b", 2), ticker("c", 4)]
    print(names)


tinyio.Loop().run(main())
