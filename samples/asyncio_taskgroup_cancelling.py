# The parent's cancellation count after a TaskGroup failure, as CPython 3.11 leaves it.
import asyncio


async def fail(delay):
    await asyncio.sleep(delay)
    raise ValueError(delay)


async def main():
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(0.1))
    except ExceptionGroup as eg:
        print("group at exit:", eg, me.cancelling())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(0.1))
            await asyncio.sleep(1)
    except ExceptionGroup as eg:
        print("group in body:", eg, me.cancelling())
    print("uncancel", me.uncancel(), me.cancelling())


asyncio.run(main())
