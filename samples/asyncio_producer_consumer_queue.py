# asyncio.Queue producer/consumer with None as the end marker; consumers count what they took.
import asyncio

taken = {}


async def producer(q, n, delay=0.03):
    for i in range(n):
        await asyncio.sleep(delay)
        await q.put(i)
        print("put", i)
    await q.put(None)
    await q.put(None)


async def consumer(name, q):
    taken[name] = 0
    while True:
        item = await q.get()
        if item is None:
            print(name, "stops")
            break
        taken[name] += 1
        print(name, "got", item)
        await asyncio.sleep(0.05)


async def main():
    q = asyncio.Queue()
    await asyncio.gather(producer(q, 5), consumer("c1", q), consumer("c2", q))
    print(taken)
    print("total", sum(taken.values()))


asyncio.run(main())
