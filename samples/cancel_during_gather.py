# Cancelling a task that is waiting in gather cancels the gather's
# unfinished children; finished children keep their results.
import asyncio


async def part(name: str, d: float) -> int:
    try:
        await asyncio.sleep(d)
        print(name, "finished normally")
        return 1
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    finally:
        print(name, "finally")


async def collector() -> int:
    try:
        r: list[int] = await asyncio.gather(part("quick", 0.1), part("slow", 2.0),
                                            part("slower", 3.0))
        return r[0] + r[1] + r[2]
    except asyncio.CancelledError:
        print("collector cancelled inside gather")
        raise


async def main() -> None:
    t: asyncio.Task[int] = asyncio.create_task(collector())
    await asyncio.sleep(1.0)
    print("cancel collector:", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("collector task cancelled:", t.cancelled())
    await asyncio.sleep(5.0)
    print("main done")


asyncio.run(main())
