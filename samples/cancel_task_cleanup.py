# Task.cancel(): the cancelled coroutine sees CancelledError, cleans up in finally, and the canceller observes it.
import asyncio

state = {"ticks": 0, "cleaned": False}


async def spinner(name, every=0.1):
    try:
        while True:
            await asyncio.sleep(every)
            state["ticks"] += 1
            print(name, "tick", state["ticks"])
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    finally:
        state["cleaned"] = True


async def main():
    t = asyncio.create_task(spinner("spin"))
    await asyncio.sleep(0.35)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main saw the cancellation")
    print(state, t.cancelled())


asyncio.run(main())
