# Cancelling a task twice: both calls return True while it is pending, the
# task sees one CancelledError; a third cancel after it ended returns False.
import asyncio


async def victim() -> int:
    try:
        await asyncio.sleep(5.0)
    except asyncio.CancelledError:
        print("victim cancelled once")
        raise
    return 0


async def main() -> None:
    t: asyncio.Task[int] = asyncio.create_task(victim())
    await asyncio.sleep(0.5)
    print("first cancel", t.cancel())
    print("second cancel", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("main saw CancelledError")
    print("third cancel", t.cancel(), "cancelled?", t.cancelled())
    u: asyncio.Task[int] = asyncio.create_task(victim())
    print("twice before start", u.cancel(), u.cancel())
    try:
        await u
    except asyncio.CancelledError:
        print("u never ran")


asyncio.run(main())
