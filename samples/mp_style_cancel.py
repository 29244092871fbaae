# MicroPython test-suite style: cancel a task at several points (before start, while sleeping, after end).
try:
    import asyncio
except ImportError:
    print("SKIP")
    raise SystemExit


async def task(id, t):
    print("task start", id)
    try:
        await asyncio.sleep(t)
        print("task end", id)
    except asyncio.CancelledError:
        print("task cancelled", id)
        raise


async def main():
    t = asyncio.create_task(task(1, 0.1))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main: 1 cancelled before it ran")

    t = asyncio.create_task(task(2, 1))
    await asyncio.sleep(0.05)
    print("cancel returns", t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("main: 2 cancelled")

    t = asyncio.create_task(task(3, 0.01))
    await asyncio.sleep(0.1)
    print("done", t.done(), "cancel returns", t.cancel())


asyncio.run(main())
