import asyncio


async def fetch(i: int) -> int:
    await asyncio.sleep(0.01 * i)
    if i == 2:
        raise KeyError("missing")
    return i


async def main() -> None:
    results = await asyncio.gather(fetch(1), fetch(2), fetch(3))
    print(results)


asyncio.run(main())
