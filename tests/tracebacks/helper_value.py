import asyncio


async def part(i: int) -> int:
    await asyncio.sleep(0.01)
    if i == 1:
        raise IndexError("part 1")
    return i


async def main() -> None:
    both = asyncio.gather(part(0), part(1))
    await asyncio.sleep(0)
    print(await both)


asyncio.run(main())
