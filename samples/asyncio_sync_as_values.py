# The awaitables of Event, Lock and Queue used as values: passed to
# wait_for, gather and create_task, including a timeout that cancels a
# waiting get().
import asyncio


async def feeder(q: asyncio.Queue, ev: asyncio.Event) -> None:
    await asyncio.sleep(0.2)
    print("feeding")
    q.put_nowait("late item")
    ev.set()


async def main() -> None:
    q = asyncio.Queue()
    ev = asyncio.Event()
    try:
        x = await asyncio.wait_for(q.get(), 0.1)
        print("got", x)
    except asyncio.TimeoutError:
        print("get timed out, getters left:", q.empty())
    f = asyncio.create_task(feeder(q, ev))
    item = await asyncio.wait_for(q.get(), 1.0)
    print("got", item)
    t = asyncio.create_task(ev.wait())
    print("event task done:", t.done(), await t)
    lock = asyncio.Lock()
    print(await asyncio.gather(ev.wait(), lock.acquire()), lock.locked())
    lock.release()
    await f


asyncio.run(main())
