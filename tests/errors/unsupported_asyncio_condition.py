# One error for the missing asyncio.Condition, not one per use of it.
import asyncio


async def main() -> None:
    cond = asyncio.Condition()
    async with cond:
        cond.notify_all()
    await cond.wait()
    print(cond.locked())


asyncio.run(main())
