# The reference coroutine: a worker that loops n times over
# await sleep(0.01) and sums its loop index, several of them at once.
import asyncio


async def worker(n: int) -> int:
    s: int = 0
    for i in range(n):
        await asyncio.sleep(0.01)
        s += i
    return s


async def main() -> None:
    ts: list[asyncio.Task[int]] = []
    for n in [10, 100, 1000, 5]:
        ts.append(asyncio.create_task(worker(n)))
    for t in ts:
        print("worker", await t)
    print("inline", await worker(50))


asyncio.run(main())
