# LifoQueue and PriorityQueue order, a getter woken by a put, and a getter
# cancelled while it waits.
import asyncio


async def getter(q: asyncio.Queue, name: str) -> None:
    try:
        item = await q.get()
        print(name, "got", item)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main() -> None:
    lifo = asyncio.LifoQueue()
    pq = asyncio.PriorityQueue()
    for x in [5, 1, 4, 1, 3, 9, 2, 6]:
        lifo.put_nowait(x)
        await pq.put(x)
    print([lifo.get_nowait() for _ in range(8)])
    print([pq.get_nowait() for _ in range(8)])
    words = asyncio.PriorityQueue()
    for w in ["pear", "apple", "fig", "kiwi"]:
        words.put_nowait(w)
    print([await words.get() for _ in range(4)])

    q = asyncio.Queue()
    g1 = asyncio.create_task(getter(q, "g1"))
    g2 = asyncio.create_task(getter(q, "g2"))
    g3 = asyncio.create_task(getter(q, "g3"))
    await asyncio.sleep(0)
    g1.cancel()
    q.put_nowait("x")
    q.put_nowait("y")
    print("qsize after puts", q.qsize())
    await asyncio.gather(g1, g2, g3, return_exceptions=True)
    print("left", q.qsize())


asyncio.run(main())
