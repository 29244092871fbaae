# Done-callbacks are names of plain defs taking the task.
import asyncio


def two(t, extra):
    print(t, extra)


async def coro_cb(t):
    print(t)


def wants_str(t: str):
    print(t)


async def job():
    return 1


async def main():
    t = asyncio.create_task(job())
    t.add_done_callback(two)
    t.add_done_callback(coro_cb)
    t.add_done_callback(print)
    t.add_done_callback(wants_str)
    await t


asyncio.run(main())
