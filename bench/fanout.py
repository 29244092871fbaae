# fanout: a gather tree with fan-out FAN and depth DEPTH (leaves yield once
# with sleep(0)), built REPS times.  Every node below the root is a task.
import asyncio

FAN: int = 10
DEPTH: int = 4
REPS: int = 10


async def node(depth: int) -> int:
    if depth == 0:
        await asyncio.sleep(0)
        return 1
    results: list[int] = await asyncio.gather(*[node(depth - 1) for _ in range(FAN)])
    total: int = 0
    for r in results:
        total += r
    return total


async def main() -> None:
    total: int = 0
    for _ in range(REPS):
        total += await node(DEPTH)
    print(total)


asyncio.run(main())
