# spawn: N tasks, each sleeping 10 ms and returning an int, all gathered.
# Measures task creation cost and the memory held by a suspended task.
import asyncio

N: int = 100000


async def job(i: int) -> int:
    await asyncio.sleep(0.01)
    return i % 7


async def main() -> None:
    results: list[int] = await asyncio.gather(*[job(i) for i in range(N)])
    total: int = 0
    for r in results:
        total += r
    print(len(results), total)


asyncio.run(main())
