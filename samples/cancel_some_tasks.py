# Many tasks started in a loop, odd ones cancelled, gather(return_exceptions=True) shows values and CancelledError.
import asyncio

finished = []


async def unit(i):
    await asyncio.sleep(0.1 * (i + 1))
    finished.append(i)
    return "unit" + str(i)


async def main():
    tasks = []
    for i in range(6):
        tasks.append(asyncio.create_task(unit(i)))
    await asyncio.sleep(0)
    for i, t in enumerate(tasks):
        if i % 2 == 1:
            t.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    for i, r in enumerate(results):
        if isinstance(r, asyncio.CancelledError):
            print(i, "cancelled")
        else:
            print(i, r)
    print("finished", finished)
    print([t.cancelled() for t in tasks])


asyncio.run(main())
