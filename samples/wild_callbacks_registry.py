# Callbacks registered in a dict of lists, fired by a coroutine as events arrive.
import asyncio

handlers = {}


def on(event, fn):
    handlers.setdefault(event, []).append(fn)


def fire(event, payload):
    for fn in handlers.get(event, []):
        fn(payload)


seen = []
on("tick", lambda n: seen.append(n))
on("tick", lambda n: print("tick", n))
on("stop", lambda n: print("stopping at", n))


async def clock(ticks, interval=0.1):
    for n in range(ticks):
        await asyncio.sleep(interval)
        fire("tick", n)
    fire("stop", ticks)


async def main():
    await clock(3)
    print("seen", seen, "handlers", sorted(handlers))


asyncio.run(main())
