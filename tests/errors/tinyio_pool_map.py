# ThreadPool.map(fn, xs): the function must be named, and it takes exactly
# a function and an iterable.
import tinyio


def square(x: int) -> int:
    return x * x


def main():
    pool = tinyio.ThreadPool(2)
    a = yield pool.map(square)
    b = yield pool.map(lambda x: x, [1])
    c = yield pool.map(square, [1], [2])
    print(a, b, c)


tinyio.Loop().run(main())
