# sys.exit() in a background task leaves the event loop at once (asyncio
# re-raises SystemExit from the task's step): the main task is cancelled,
# its finally runs, nothing after asyncio.run runs, the status is the
# task's (its unretrieved exception is reported on stderr).
import asyncio
import sys


async def watchdog(limit: float):
    await asyncio.sleep(limit)
    print("watchdog: time is up")
    sys.exit(4)


async def main():
    asyncio.create_task(watchdog(0.25))
    try:
        for i in range(10):
            await asyncio.sleep(0.1)
            print("working", i)
    except asyncio.CancelledError:
        print("main cancelled")
        raise
    finally:
        print("main cleanup")


asyncio.run(main())
print("not reached")
