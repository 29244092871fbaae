# A helper function replaced halfway through the script, as quick scripts do; tasks see the new one.
import asyncio


def fmt(x):
    return "v=" + str(x)


async def show(x):
    await asyncio.sleep(0.01 * x)
    return fmt(x)


print(asyncio.run(show(1)))


def fmt(x):
    return f"<{x:03d}>"


async def main():
    results = await asyncio.gather(show(2), show(3))
    print(results)
    print(fmt(7))


asyncio.run(main())
