import asyncio


async def step(n: int) -> int:
    await asyncio.sleep(0)
    return 10 // n


async def main() -> None:
    try:
        await step(1)
        raise KeyError("pending")
    finally:
        await step(0)


asyncio.run(main())
