# wait_for(q.get(), timeout) on an empty queue: TimeoutError, and the cancelled getter leaves the queue usable; a put with a timeout on a full queue puts nothing.
import asyncio


async def late_put(q, delay, item):
    await asyncio.sleep(delay)
    await q.put(item)


async def main():
    q = asyncio.Queue(maxsize=1)
    try:
        await asyncio.wait_for(q.get(), 0.05)
    except asyncio.TimeoutError:
        print("get timed out; qsize", q.qsize())
    t = asyncio.create_task(late_put(q, 0.02, 7))
    print("got", await asyncio.wait_for(q.get(), 0.5))
    await t
    q.put_nowait(1)
    try:
        async with asyncio.timeout(0.05):
            await q.put(2)
    except TimeoutError:
        print("put timed out; qsize", q.qsize(), "item", q.get_nowait())
    q.put_nowait(3)
    print("usable:", q.get_nowait(), q.empty())


asyncio.run(main())
