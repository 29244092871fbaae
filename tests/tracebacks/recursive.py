import asyncio


async def countdown(n: int) -> int:
    if n == 0:
        return 1 // n
    return await countdown(n - 1)


async def main() -> None:
    print(await countdown(3))


asyncio.run(main())
