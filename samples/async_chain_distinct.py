# A chain of distinct (non-recursive) async functions, ten deep, driven
# 100 times per task so 1,000 awaits pass through the whole chain.
import asyncio


async def l9(x: int) -> int:
    await asyncio.sleep(0)
    return x + 9


async def l8(x: int) -> int:
    return await l9(x) * 2 % 1000003


async def l7(x: int) -> int:
    return await l8(x + 7)


async def l6(x: int) -> int:
    y: int = await l7(x)
    return y - 6


async def l5(x: int) -> int:
    return await l6(x) + await l6(x + 1)


async def l4(x: int) -> int:
    return await l5(x) % 99991


async def l3(x: int) -> int:
    return await l4(x * 3)


async def l2(x: int) -> int:
    return await l3(x) + 2


async def l1(name: str, start: int) -> int:
    acc: int = start
    for i in range(100):
        acc = await l2(acc + i)
        if i % 25 == 0:
            print(name, i, acc)
    return acc


async def main() -> None:
    a: asyncio.Task[int] = asyncio.create_task(l1("a", 1))
    b: asyncio.Task[int] = asyncio.create_task(l1("b", 2))
    print("results", await a, await b)


asyncio.run(main())
