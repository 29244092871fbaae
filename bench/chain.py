# chain: `await f(n)` recursing to depth DEPTH, repeated REPS times.
# Nothing suspends, so this is the cost of `await coroutine()` itself.
import asyncio

DEPTH: int = 100
REPS: int = 10000


async def f(n: int) -> int:
    if n == 0:
        return 0
    r: int = await f(n - 1)
    return r + 1


async def main() -> None:
    total: int = 0
    for _ in range(REPS):
        total += await f(DEPTH)
    print(total)


asyncio.run(main())
