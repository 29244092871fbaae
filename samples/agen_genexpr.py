# Asynchronous generator expressions: an async clause or an await makes one.
import asyncio


async def nums(n: int):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


async def square(x: int) -> int:
    await asyncio.sleep(0.1)
    return x * x


async def main():
    g = (x + 100 async for x in nums(3) if x != 1)
    print([y async for y in g])
    sq = (await square(x) for x in range(4))
    async for s in sq:
        print("sq", s)
    print(type(sq).__name__)


asyncio.run(main())
