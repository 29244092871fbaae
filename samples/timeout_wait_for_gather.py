# asyncio.wait_for around asyncio.gather: the timeout cancels the gather,
# which cancels its unfinished children (their finally blocks run).
import asyncio


async def part(name: str, d: float) -> int:
    try:
        await asyncio.sleep(d)
        print("part", name, "done")
        return len(name)
    finally:
        print("part", name, "finally")


async def main() -> None:
    r: list[int] = await asyncio.wait_for(
        asyncio.gather(part("a", 0.2), part("bb", 0.4)), 1.0)
    print("in time", r)
    try:
        await asyncio.wait_for(asyncio.gather(part("c", 0.5), part("dd", 2.0),
                                              part("eee", 3.0)), 1.0)
        print("not reached")
    except TimeoutError:
        print("gather timed out")
    await asyncio.sleep(5.0)
    print("main done")


asyncio.run(main())
