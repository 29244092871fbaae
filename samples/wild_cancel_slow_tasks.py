# Start several tasks, cancel the slow ones after a deadline, report what each did.
import asyncio

status = {}


async def job(name, secs):
    try:
        await asyncio.sleep(secs)
        status[name] = "finished"
        return secs
    except asyncio.CancelledError:
        status[name] = "cancelled"
        raise


async def main():
    tasks = [asyncio.create_task(job(f"job{i}", 0.1 * i)) for i in range(1, 6)]
    await asyncio.sleep(0.25)
    for t in tasks:
        if not t.done():
            t.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    for name in sorted(status):
        print(name, status[name])
    print([r for r in results if not isinstance(r, BaseException)])
    print(sum(t.cancelled() for t in tasks), "cancelled")


asyncio.run(main())
