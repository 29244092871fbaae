# pingpong in the tinyio spelling: TASKS coroutines, each pausing ITERS
# times with a bare `yield` (one trip through the loop: a "switch"),
# gathered by `yield [...]`.  Compiled by asyncc; under CPython it runs on
# the real tinyio (bench/run.py puts it on PYTHONPATH).
import tinyio

TASKS: int = 100
ITERS: int = 1000


def worker(n: int):
    i = 0
    while i < n:
        yield
        i += 1
    return i


def main():
    results = yield [worker(ITERS) for _ in range(TASKS)]
    total = 0
    for r in results:
        total += r
    print(total)


tinyio.Loop().run(main())
