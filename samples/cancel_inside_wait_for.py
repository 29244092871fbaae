# Cancelling a task that is waiting in wait_for: the child is cancelled
# too, and the task sees CancelledError (not TimeoutError).
import asyncio


async def child() -> int:
    try:
        await asyncio.sleep(10.0)
        return 1
    finally:
        print("child finally")


async def parent() -> int:
    try:
        return await asyncio.wait_for(child(), 5.0)
    except TimeoutError:
        print("parent: TimeoutError (wrong)")
        return -1
    except asyncio.CancelledError:
        print("parent: CancelledError")
        raise


async def main() -> None:
    t: asyncio.Task[int] = asyncio.create_task(parent())
    await asyncio.sleep(1.0)
    print("cancel parent", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("main: parent cancelled", t.cancelled())
    await asyncio.sleep(10.0)
    print("main done")


asyncio.run(main())
