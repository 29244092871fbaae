# Loop and done callbacks that are function values: lambdas, closures over a counter, functools.partial.
import asyncio
import functools


def record(log, tag, value):
    log.append(f"{tag}={value}")


def make_counter():
    count = 0

    def bump(step):
        nonlocal count
        count += step
        return count

    def total():
        return count

    return bump, total


async def work(n):
    await asyncio.sleep(0.01 * n)
    return n * 10


async def main():
    loop = asyncio.get_running_loop()
    log = []
    bump, total = make_counter()
    for i in range(3):
        loop.call_soon(lambda k: log.append(f"soon{k}"), i)
    loop.call_soon(bump, 5)
    loop.call_later(0.05, functools.partial(record, log, "later"), 7)
    loop.call_at(loop.time() + 0.02, lambda: log.append("at"))
    note = functools.partial(record, log, "done")
    tasks = []
    for n in (3, 1, 2):
        t = asyncio.create_task(work(n))
        t.add_done_callback(lambda t: note(t.result()))
        t.add_done_callback(lambda t, n=n: bump(n))
        tasks.append(t)
    await asyncio.gather(*tasks)
    await asyncio.sleep(0.1)
    print(log)
    print("total", total())


asyncio.run(main())
