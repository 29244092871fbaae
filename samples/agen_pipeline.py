# A pipeline of async generators: each stage consumes the one before it.
import asyncio


async def source(n: int):
    for i in range(1, n + 1):
        await asyncio.sleep(0.05)
        print("source ->", i)
        yield i


async def only_odd(items):
    async for x in items:
        if x % 2:
            yield x


async def scaled(items, k: int):
    async for x in items:
        await asyncio.sleep(0)
        yield x * k


async def running_total(items):
    total = 0
    async for x in items:
        total += x
        yield total


async def main():
    stages = running_total(scaled(only_odd(source(7)), 10))
    async for t in stages:
        print("total", t)
    print([x async for x in scaled(source(3), 2)])


asyncio.run(main())
