import asyncio


async def ping(n: int) -> int:
    return await pong(n + 1)


async def pong(n: int) -> int:
    if n < 0:
        return 0
    return await ping(n + 1) + 1


async def main() -> None:
    print(await ping(0))


asyncio.run(main())
