# run_in_thread(fn, *args): a coroutine giving fn's result.
import tinyio


def blocking_add(x: int, y: int) -> int:
    return x + y


def square(x: int) -> int:
    return x * x


def main():
    a = yield tinyio.run_in_thread(blocking_add, 2, 3)
    print("add:", a)
    squares = yield [tinyio.run_in_thread(square, i) for i in range(5)]
    print("squares:", squares)
    pool = tinyio.ThreadPool(2)
    b = yield pool.run_in_thread(square, 12)
    print("pool:", b)


tinyio.Loop().run(main())
