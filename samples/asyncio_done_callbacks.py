# Task.add_done_callback with plain defs: run one round after the task ends, in registration order with an awaiter; removed callbacks do not run.
import asyncio

log = []


def report(t):
    if t.cancelled():
        print("callback: cancelled")
    elif t.exception() is not None:
        print("callback: failed with", repr(t.exception()))
    else:
        print("callback: result", t.result())
    log.append(t.get_name())


def second(t):
    print("second callback sees done", t.done())


def never(t):
    print("never printed", t.get_name())


async def job(n):
    await asyncio.sleep(0.1 * n)
    if n == 2:
        raise ValueError("two")
    return n * 10


async def watcher(t):
    r = await t
    print("watcher got", r)


async def ticker():
    for i in range(5):
        print("tick", i)
        await asyncio.sleep(0)


async def main():
    a = asyncio.create_task(job(1))
    w = asyncio.create_task(watcher(a))
    await asyncio.sleep(0)
    a.add_done_callback(report)
    a.add_done_callback(second)
    a.add_done_callback(never)
    print("removed", a.remove_done_callback(never), a.remove_done_callback(never))
    await w
    b = asyncio.create_task(job(2))
    b.add_done_callback(report)
    c = asyncio.create_task(job(5))
    c.add_done_callback(report)
    await asyncio.sleep(0.3)
    c.cancel()
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    a.add_done_callback(second)
    print("added to a done task")
    await t
    print("log", log)


asyncio.run(main())
