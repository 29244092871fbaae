# asyncio.timeout() (Python 3.11) around a block of awaits; expired() checked after TimeoutError.
import asyncio


async def step(i, pause):
    await asyncio.sleep(pause)
    print("step", i, "done")


async def attempt(limit, pauses):
    try:
        async with asyncio.timeout(limit) as cm:
            for i, p in enumerate(pauses):
                await step(i, p)
        print("finished within", limit)
        return True
    except TimeoutError:
        print("timed out after", limit, "expired:", cm.expired())
        return False


async def main():
    a = await attempt(1.0, [0.2, 0.3])
    b = await attempt(0.4, [0.2, 0.3, 0.1])
    print(a, b, round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
