# ThreadPool(n).map(fn, xs): a coroutine giving [fn(x) for x in xs]
# (asyncc runs the pool's functions inline, as run_in_thread; DESIGN.md).
import tinyio


def square(x: int) -> int:
    return x * x


def shout(word: str) -> str:
    return word.upper() + "!"


def checked(x: int) -> int:
    if x > 2:
        raise ValueError(f"too big: {x}")
    return x


def main():
    pool = tinyio.ThreadPool(2)
    squares = yield pool.map(square, [1, 2, 3, 4])
    print("squares:", squares)
    words = yield pool.map(shout, ["a", "bc"])
    print("words:", words)
    nothing = yield pool.map(square, [])
    print("empty:", nothing)
    both = yield [pool.map(square, range(3)), tinyio.ThreadPool(1).map(square, (5, 6))]
    print("both:", both)
    total = 0
    for s in squares:
        total += s
    print("total:", total)
    return len(squares)


def failing():
    pool = tinyio.ThreadPool(3)
    out = yield pool.map(checked, [1, 2, 3])
    print("never", out)


print("main gave", tinyio.Loop().run(main()))
try:
    tinyio.Loop().run(failing())
except ValueError as e:
    print("ValueError:", e)
