# asyncio.TaskGroup: children run concurrently; the group waits for all of them; one failure cancels the rest.
import asyncio


async def work(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    if fail:
        raise ValueError(f"{name} failed")
    print(name, "done")
    return name.upper()


async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(work("a", 0.2))
        b = tg.create_task(work("b", 0.1), name="bee")
        print("tasks started", b.get_name())
    print("results", a.result(), b.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("c", 0.3))
            tg.create_task(work("d", 0.1, True))
            tg.create_task(work("e", 0.5))
            await asyncio.sleep(1)
            print("not reached")
    except ExceptionGroup as eg:
        print("caught", repr(eg))
        print("str:", eg)
        for e in eg.exceptions:
            print("  sub:", type(e).__name__, e)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("f", 0.1, True))
            tg.create_task(work("g", 0.1, True))
            tg.create_task(work("h", 0.2))
    except Exception as eg:
        print("as Exception:", eg)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("i", 0.2))
            raise KeyError("body")
    except BaseExceptionGroup as eg:
        print("body error:", repr(eg))


asyncio.run(main())
