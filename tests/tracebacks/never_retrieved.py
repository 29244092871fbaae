import asyncio


async def boom() -> None:
    await asyncio.sleep(0)
    raise RuntimeError("lost")


async def main() -> None:
    t = asyncio.create_task(boom())
    await asyncio.sleep(0.01)
    print(t.done())


asyncio.run(main())
