# A rate limiter with asyncio.Semaphore: at most 2 downloads at once; the
# running count is tracked in a global.  BoundedSemaphore refuses an extra
# release.
import asyncio

running = 0
max_running = 0


async def download(sem: asyncio.Semaphore, n: int, t: float) -> int:
    global running, max_running
    async with sem:
        running += 1
        max_running = max(max_running, running)
        print("start", n, "running", running, "locked", sem.locked())
        await asyncio.sleep(t)
        running -= 1
        print("end", n)
    return n


async def cancelled_waiter(sem: asyncio.Semaphore) -> None:
    try:
        await sem.acquire()
        print("never")
    except asyncio.CancelledError:
        print("waiter cancelled, locked:", sem.locked())
        raise


async def main() -> None:
    sem = asyncio.Semaphore(2)
    ids = await asyncio.gather(*[download(sem, i, 0.1 * (i % 3 + 1)) for i in range(6)])
    print("ids", ids, "max running", max_running)

    sem0 = asyncio.Semaphore(0)
    t = asyncio.create_task(cancelled_waiter(sem0))
    await asyncio.sleep(0)
    print("locked with a waiter:", sem0.locked())
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled; locked:", sem0.locked())
    sem0.release()
    print("after release, locked:", sem0.locked())

    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
