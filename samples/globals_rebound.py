# Module-level configuration read by coroutines, a list global rebound wholesale, DEBUG flag toggled between runs.
import asyncio

DEBUG = False
LIMIT = 3
queue = [5, 1, 4]


def log(*args):
    if DEBUG:
        print("[debug]", *args)


async def drain(name):
    global queue
    taken = queue[:LIMIT]
    queue = queue[LIMIT:]
    for x in taken:
        await asyncio.sleep(x / 10)
        log(name, "handled", x)
    return sum(taken)


async def main():
    global queue, DEBUG
    print("first", await drain("a"), "left", queue)
    queue = [9, 8, 7, 6, 5]
    DEBUG = True
    r = await asyncio.gather(drain("b"), drain("c"))
    print("second", r, "left", queue)


asyncio.run(main())
print("debug now", DEBUG, "limit", LIMIT)
