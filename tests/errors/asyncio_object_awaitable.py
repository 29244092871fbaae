# A coroutine held in an object (a mixed list) passed where the result type
# must be known: create_task, wait_for and shield reject it at compile time
# (awaiting the object itself, and gather, check it at run time).
import asyncio


async def work(n):
    return n


async def main():
    xs = [work(1), "x"]
    t = asyncio.create_task(xs[0])
    await asyncio.wait_for(xs[0], 1)
    await asyncio.shield(xs[0])
    print(await t)


asyncio.run(main())
