# Mutual recursion among three distinct async functions, 960 awaits deep
# (CPython's recursion limit forbids 1,000 inline), with a sleep at the
# bottom and a task running beside it.
import asyncio


async def red(n: int) -> int:
    if n <= 0:
        await asyncio.sleep(0.2)
        return 1
    return await green(n - 1) + 1


async def green(n: int) -> int:
    if n <= 0:
        await asyncio.sleep(0.2)
        return 2
    return await blue(n - 1) * 1


async def blue(n: int) -> int:
    if n <= 0:
        await asyncio.sleep(0.2)
        return 3
    v: int = await red(n - 1)
    return v + 2


async def side() -> int:
    for i in range(3):
        print("side", i)
        await asyncio.sleep(0.1)
    return 0


async def main() -> None:
    t: asyncio.Task[int] = asyncio.create_task(side())
    for n in [0, 1, 2, 3, 958, 959, 960]:
        print("red", n, "=", await red(n))
    await t
    print("is even", await red(900) % 2 == 0)


asyncio.run(main())
