import asyncio


async def leaf(x: int) -> int:
    await asyncio.sleep(0)
    if x > 2:
        raise ValueError(f"bad value {x}")
    return x


async def middle(x: int) -> int:
    y = await leaf(x + 1)
    return y * 2


async def top(x: int) -> int:
    r = await middle(x + 1)
    return r


async def main() -> None:
    print("start")
    print(await top(1))


asyncio.run(main())
