# get_running_loop().time() is the loop's clock: sleeps and timeouts are measured on it.
import asyncio


async def tick(name, every, times):
    loop = asyncio.get_running_loop()
    for i in range(times):
        await asyncio.sleep(every)
        print(f"{name} tick {i} at {loop.time():.2f}")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print("start", start)
    await asyncio.gather(tick("fast", 0.25, 4), tick("slow", 0.4, 2))
    print("elapsed", round(loop.time() - start, 2))
    deadline = loop.time() + 0.3
    try:
        async with asyncio.timeout_at(deadline):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timed out at", round(loop.time(), 2), "deadline", round(deadline, 2))


try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("outside:", e)
asyncio.run(main())
