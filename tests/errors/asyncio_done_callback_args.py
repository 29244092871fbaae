# Done-callbacks and loop callbacks are functions (defs or function values) taking what they are called with.
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
    t.add_done_callback(lambda a, b: print(a, b))
    t.add_done_callback(7)
    t.add_done_callback(lambda t: job())
    loop = asyncio.get_running_loop()
    loop.call_soon(lambda x: print(x))
    loop.call_later(0.1, lambda x: print(x), 1, 2)
    names = ["a"]
    loop.call_soon(names.append)
    loop.call_soon(names.missing, 1)
    await t


asyncio.run(main())
