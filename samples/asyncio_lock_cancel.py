# Cancelling tasks that wait for an asyncio.Lock: a cancelled waiter leaves
# the queue, and one cancelled after the release woke it passes the lock on.
import asyncio


async def holder(lock: asyncio.Lock, hold: float) -> None:
    async with lock:
        print("holder has the lock")
        await asyncio.sleep(hold)
        print("holder releases")


async def waiter(lock: asyncio.Lock, name: str) -> str:
    try:
        async with lock:
            print(name, "got the lock")
            await asyncio.sleep(0.01)
        return name
    except asyncio.CancelledError:
        print(name, "cancelled while waiting")
        raise


async def main() -> None:
    lock = asyncio.Lock()
    h = asyncio.create_task(holder(lock, 0.1))
    await asyncio.sleep(0)
    ws = [asyncio.create_task(waiter(lock, f"w{i}")) for i in range(4)]
    await asyncio.sleep(0.05)
    ws[1].cancel()
    await asyncio.sleep(0.1)
    print("after the holder:", [w.done() for w in ws])
    await h
    res = await asyncio.gather(*ws, return_exceptions=True)
    print([r if isinstance(r, str) else "cancelled" for r in res])

    # the woken waiter is cancelled before it runs: the next one gets the lock
    lock2 = asyncio.Lock()
    await lock2.acquire()
    a = asyncio.create_task(waiter(lock2, "a"))
    b = asyncio.create_task(waiter(lock2, "b"))
    await asyncio.sleep(0)
    lock2.release()
    a.cancel()
    res = await asyncio.gather(a, b, return_exceptions=True)
    print([r if isinstance(r, str) else "cancelled" for r in res], "locked:", lock2.locked())


asyncio.run(main())
