# A bounded queue of ints (every put is an int, so items are plain C ints): three producers, four workers summing squares, join(), then the workers are cancelled.
import asyncio

results = {}


async def produce(q, start, count):
    for n in range(start, start + count):
        await q.put(n)
        if n % 3 == 0:
            await asyncio.sleep(0)


async def worker(name, q):
    total = 0
    handled = 0
    try:
        while True:
            n = await q.get()
            total += n * n
            handled += 1
            q.task_done()
            if n % 5 == 0:
                await asyncio.sleep(0.001)
    except asyncio.CancelledError:
        results[name] = (handled, total)
        raise


async def main():
    q = asyncio.Queue(maxsize=3)
    workers = [asyncio.create_task(worker(f"w{i}", q)) for i in range(4)]
    await asyncio.gather(produce(q, 0, 20), produce(q, 100, 15), produce(q, 1000, 10))
    print("produced; queue size before join:", q.qsize())
    await q.join()
    print("joined, empty:", q.empty(), "full:", q.full())
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    for name in sorted(results):
        print(name, results[name])
    print("items", sum(h for h, _ in results.values()), "sum of squares", sum(t for _, t in results.values()))


asyncio.run(main())
