# A bounded producer/consumer pipeline: two producers feed a queue of
# maxsize 2, three workers process items into a second queue, join() waits
# until every item is done, then the workers are cancelled.
import asyncio

processed: list[str] = []


async def producer(q: asyncio.Queue, name: str, n: int) -> None:
    for i in range(n):
        item = f"{name}{i}"
        await q.put(item)
        print(name, "put", item, "qsize", q.qsize(), "full", q.full())
        await asyncio.sleep(0.01)


async def worker(name: str, q: asyncio.Queue, out: asyncio.Queue) -> None:
    while True:
        item = await q.get()
        print(name, "got", item)
        await asyncio.sleep(0.03)
        processed.append(item)
        out.put_nowait(f"{item}:{name}")
        q.task_done()


async def main() -> None:
    q: asyncio.Queue[str] = asyncio.Queue(maxsize=2)
    out = asyncio.Queue()
    workers = [asyncio.create_task(worker(f"w{i}", q, out)) for i in range(3)]
    await asyncio.gather(producer(q, "a", 4), producer(q, "b", 3))
    print("producers done; waiting for join")
    await q.join()
    print("joined: empty", q.empty(), "processed", len(processed))
    for w in workers:
        w.cancel()
    res = await asyncio.gather(*workers, return_exceptions=True)
    print("workers:", [type(r).__name__ for r in res])
    results: list[str] = []
    while not out.empty():
        results.append(out.get_nowait())
    print(results)
    try:
        out.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    small = asyncio.Queue(1)
    small.put_nowait(1)
    try:
        small.put_nowait(2)
    except asyncio.QueueFull:
        print("QueueFull, qsize", small.qsize())
    small.task_done()
    try:
        small.task_done()
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
