# asyncio.as_completed: results handled in completion order, not submission order.
import asyncio


async def compute(name, delay):
    await asyncio.sleep(delay)
    return name, delay


async def main():
    jobs = {"slow": 0.9, "fast": 0.1, "medium": 0.4, "instant": 0.0}
    coros = [compute(n, d) for n, d in jobs.items()]
    seen = []
    for fut in asyncio.as_completed(coros):
        name, delay = await fut
        seen.append(name)
        print(f"{name:>8} finished ({delay})")
    print("completion order:", ", ".join(seen))
    print("submission order:", ", ".join(jobs))


asyncio.run(main())
