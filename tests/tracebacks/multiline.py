import asyncio


def ratio(a: int, b: int) -> int:
    return a // b


async def slow(x: int) -> int:
    await asyncio.sleep(0)
    return ratio(x,
                 0)


async def main() -> None:
    values = [ratio(4, 2),
              await slow(1)]
    print(values)


asyncio.run(main())
