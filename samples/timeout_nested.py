# Nested wait_for: the inner timeout fires first and is caught inside;
# then the outer timeout fires while the inner one is still pending.
import asyncio


async def nap(d: float) -> int:
    await asyncio.sleep(d)
    return 1


async def inner(limit: float) -> int:
    try:
        return await asyncio.wait_for(nap(5.0), limit)
    except TimeoutError:
        print("inner timeout after", limit)
        return -1


async def main() -> None:
    print("case 1:", await asyncio.wait_for(inner(1.0), 2.0))
    try:
        print("case 2:", await asyncio.wait_for(inner(3.0), 2.0))
    except TimeoutError:
        print("case 2: outer TimeoutError")
    print("case 3:", await asyncio.wait_for(asyncio.wait_for(nap(0.5), 1.0), 2.0))


asyncio.run(main())
