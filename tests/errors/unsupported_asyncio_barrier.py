# One error for a missing asyncio name (asyncio.to_thread), not one per use of it.
import asyncio


def work() -> int:
    return 1


async def main() -> None:
    a = await asyncio.to_thread(work)
    b = await asyncio.to_thread(work)
    print(a, b)


asyncio.run(main())
