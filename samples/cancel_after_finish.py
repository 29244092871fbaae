# cancel() of a finished task returns False and changes nothing: its result
# stays available, cancelled() stays False.
import asyncio


async def quick(n: int) -> int:
    await asyncio.sleep(0.1)
    return n + 1


async def failing() -> int:
    await asyncio.sleep(0.1)
    raise ValueError("failed before cancel")


async def main() -> None:
    t: asyncio.Task[int] = asyncio.create_task(quick(9))
    f: asyncio.Task[int] = asyncio.create_task(failing())
    await asyncio.sleep(1.0)
    print("cancel finished:", t.cancel())
    print("cancel failed:", f.cancel())
    print("cancelled?", t.cancelled(), f.cancelled())
    print("result still", t.result(), await t)
    try:
        await f
    except ValueError as e:
        print("failed task still raises", e)


asyncio.run(main())
