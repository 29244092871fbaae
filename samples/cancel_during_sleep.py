# cancel() of a task sleeping: CancelledError is raised at its await, its
# except and finally blocks run, and awaiting it raises CancelledError.
import asyncio


async def sleeper() -> int:
    print("sleeper goes to sleep")
    try:
        await asyncio.sleep(10.0)
        print("not reached")
    except asyncio.CancelledError:
        print("sleeper got CancelledError")
        raise
    finally:
        print("sleeper finally")
    return 0


async def main() -> None:
    t: asyncio.Task[int] = asyncio.create_task(sleeper())
    await asyncio.sleep(1.0)
    print("cancel returns", t.cancel())
    print("right after cancel: done?", t.done(), "cancelled?", t.cancelled())
    try:
        await t
    except asyncio.CancelledError:
        print("main: task raised CancelledError")
    print("done?", t.done(), "cancelled?", t.cancelled())


asyncio.run(main())
