# Async generators as producers: items made on demand, consumed with async for.
import asyncio


async def countdown(label: str, n: int):
    while n > 0:
        await asyncio.sleep(0.1)
        yield f"{label}: {n}"
        n -= 1


async def fib(limit: int):
    a, b = 0, 1
    while a < limit:
        yield a
        a, b = b, a + b


async def chunks(items: list[int], size: int):
    for i in range(0, len(items), size):
        await asyncio.sleep(0)
        yield items[i:i + size]


async def main():
    async for line in countdown("T", 3):
        print(line)
    total = 0
    async for f in fib(100):
        total += f
        print(f, end=" ")
    print()
    print("sum", total)
    async for c in chunks(list(range(10)), 4):
        print("chunk", c, len(c))
    g = fib(10)
    print(type(g).__name__)


asyncio.run(main())
