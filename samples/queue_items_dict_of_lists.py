# Two queues with different item types make queue items objects (one item type per program); a dict of lists filled by workers still takes an empty list (d[k] = []) as list[object].
import asyncio

stats = {}

async def worker(name, q):
    stats[name] = []
    while True:
        job = await q.get()
        stats[name].append(job)
        q.task_done()

async def main():
    q = asyncio.Queue()
    for job in [3, 1, 4]:
        q.put_nowait(job)
    other = asyncio.Queue()
    other.put_nowait("x")
    ws = [asyncio.create_task(worker(f"w{i}", q)) for i in range(2)]
    await q.join()
    for w in ws:
        w.cancel()
    print(sorted(stats.items()), other.qsize())

asyncio.run(main())
