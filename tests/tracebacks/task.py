import asyncio


async def worker(n: int) -> int:
    await asyncio.sleep(0.01)
    return 10 // n


async def main() -> None:
    t = asyncio.create_task(worker(0))
    await asyncio.sleep(0)
    r = await t
    print(r)


asyncio.run(main())
