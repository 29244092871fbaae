# Cancelling a task that awaits another task: the cancellation is forwarded
# into the awaited task too, and both end cancelled.
import asyncio


async def inner() -> int:
    try:
        await asyncio.sleep(10.0)
        return 1
    finally:
        print("inner finally")


async def outer(t: asyncio.Task[int]) -> int:
    try:
        v: int = await t
        return v + 1
    except asyncio.CancelledError:
        print("outer cancelled while awaiting inner")
        raise
    finally:
        print("outer finally")


async def main() -> None:
    i: asyncio.Task[int] = asyncio.create_task(inner())
    o: asyncio.Task[int] = asyncio.create_task(outer(i))
    await asyncio.sleep(1.0)
    print("cancel outer:", o.cancel())
    try:
        await o
    except asyncio.CancelledError:
        print("outer cancelled:", o.cancelled())
    print("inner done:", i.done(), "inner cancelled:", i.cancelled())


asyncio.run(main())
