import asyncio


async def stubborn() -> None:
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise ValueError("refused")


async def main() -> None:
    asyncio.create_task(stubborn())
    await asyncio.sleep(0)


asyncio.run(main())
