# queue: PRODUCERS producers put ITEMS items each through an asyncio.Queue
# of MAXSIZE to CONSUMERS consumers; join() waits for every task_done().
import asyncio

PRODUCERS: int = 10
CONSUMERS: int = 10
ITEMS: int = 10000
MAXSIZE: int = 100

total = 0


async def producer(q: asyncio.Queue, n: int) -> None:
    for i in range(n):
        await q.put(i)


async def consumer(q: asyncio.Queue) -> None:
    global total
    while True:
        item = await q.get()
        total += 1
        q.task_done()


async def main() -> None:
    q = asyncio.Queue(MAXSIZE)
    cons = [asyncio.create_task(consumer(q)) for _ in range(CONSUMERS)]
    await asyncio.gather(*[producer(q, ITEMS) for _ in range(PRODUCERS)])
    await q.join()
    for c in cons:
        c.cancel()
    await asyncio.gather(*cons, return_exceptions=True)
    print(total)


asyncio.run(main())
