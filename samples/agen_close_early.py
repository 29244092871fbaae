# Leaving async for early: the generator's finally runs when it is closed,
# explicitly (await g.aclose()) or by the loop's finalizer two hops after
# the last reference goes, as CPython's asyncgen hooks do it.
import asyncio


async def ticker(name: str, n: int):
    try:
        for i in range(n):
            yield i
            await asyncio.sleep(0)
    finally:
        print(name, "cleanup")


async def worker():
    for i in range(4):
        print("worker round", i)
        await asyncio.sleep(0)


async def explicit():
    g = ticker("explicit", 10)
    async for x in g:
        print("explicit got", x)
        if x == 2:
            break
    print("closing")
    await g.aclose()
    print("closed")
    await g.aclose()
    print("closed twice is fine")


async def abandoned():
    async for x in ticker("abandoned", 10):
        print("abandoned got", x)
        if x == 1:
            break
    print("left the loop")


async def main():
    await explicit()
    t = asyncio.create_task(worker())
    await abandoned()
    for i in range(3):
        await asyncio.sleep(0)
        print("main round", i)
    await t


asyncio.run(main())
