# pingpong: TASKS tasks, each yielding ITERS times with `await asyncio.sleep(0)`.
# Every yield is one trip through the scheduler (a "switch").
# The runner rewrites the `NAME: int = value` constants to make size variants.
import asyncio

TASKS: int = 1000
ITERS: int = 1000


async def worker(n: int) -> int:
    i: int = 0
    while i < n:
        await asyncio.sleep(0)
        i += 1
    return i


async def main() -> None:
    results: list[int] = await asyncio.gather(*[worker(ITERS) for _ in range(TASKS)])
    total: int = 0
    for r in results:
        total += r
    print(total)


asyncio.run(main())
