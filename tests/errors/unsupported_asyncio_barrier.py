# One error for the missing asyncio.Barrier, not one per use of it; one
# for Condition.wait_for.
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
