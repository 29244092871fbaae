import asyncio


def ticks(n: int):
    for i in range(n):
        yield i * 10


async def consumer(name: str, n: int) -> int:
    total = 0
    for t in ticks(n):
        await asyncio.sleep(0)
        print(name, t)
        total += t
    return total


async def stepper() -> int:
    g = ticks(3)
    first = next(g)
    await asyncio.sleep(0.01)
    second = next(g)
    return first + second + next(g)


async def main() -> None:
    results = await asyncio.gather(consumer("a", 3), consumer("b", 2))
    print(results)
    print(await stepper())


asyncio.run(main())
