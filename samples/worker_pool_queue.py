# Worker pool: N workers drain a queue with task_done/join, then are cancelled; per-worker stats in a dict.
import asyncio

stats = {}


async def worker(name, q):
    stats[name] = []
    while True:
        job = await q.get()
        await asyncio.sleep(job / 10)
        stats[name].append(job)
        q.task_done()


async def main():
    q = asyncio.Queue()
    for job in [3, 1, 4, 1, 5, 9, 2, 6]:
        q.put_nowait(job)
    workers = [asyncio.create_task(worker(f"w{i}", q)) for i in range(3)]
    await q.join()
    for w in workers:
        w.cancel()
    res = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in res])
    for name in sorted(stats):
        print(name, stats[name], sum(stats[name]))


asyncio.run(main())
