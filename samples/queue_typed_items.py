# Queue items typed by what is put: ints through a bounded queue (item + 1 is plain int arithmetic), a PriorityQueue of (int, str) tuples, a LifoQueue.
import asyncio


async def producer(q, start, n):
    for i in range(start, start + n):
        await q.put(i)


async def consumer(name, q, totals):
    while True:
        item = await q.get()
        totals[name] = totals.get(name, 0) + item + 1
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    totals = {}
    workers = [asyncio.create_task(consumer(f"c{k}", q, totals)) for k in range(3)]
    await asyncio.gather(producer(q, 0, 10), producer(q, 100, 5))
    await q.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print(sorted(totals.items()), sum(totals.values()))

    pq = asyncio.PriorityQueue()
    for prio, name in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
        pq.put_nowait((prio, name))
    while not pq.empty():
        prio, name = await pq.get()
        print(prio, name)

    lq = asyncio.LifoQueue()
    for word in ["a", "b", "c"]:
        await lq.put(word)
    print([lq.get_nowait() for _ in range(lq.qsize())])


asyncio.run(main())
