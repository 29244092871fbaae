# One error for the missing asyncio.Barrier, not one per use of it
# (Condition.wait_for with a def is supported).
import asyncio


def ready() -> bool:
    return True


async def main() -> None:
    barrier = asyncio.Barrier(2)
    await barrier.wait()
    cond = asyncio.Condition()
    async with cond:
        await cond.wait_for(ready)


asyncio.run(main())
