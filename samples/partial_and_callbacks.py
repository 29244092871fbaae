# functools.partial and bound methods as loop callbacks (call_soon(results.append, x)), call_later with args.
import asyncio
import functools


class Collector:
    def __init__(self):
        self.items = []

    def add(self, tag, value):
        self.items.append((tag, value))


def scale(factor, x):
    return factor * x


async def main():
    loop = asyncio.get_running_loop()
    results = []
    for x in (3, 1, 2):
        loop.call_soon(results.append, x)
    c = Collector()
    add_late = functools.partial(c.add, "late")
    loop.call_later(0.2, add_late, 1)
    loop.call_later(0.1, functools.partial(c.add, "early"), 2)
    loop.call_later(0.1, c.add, "direct", 3)
    await asyncio.sleep(0.3)
    print(results, c.items)
    triple = functools.partial(scale, 3)
    print(triple(5), list(map(triple, results)))
    p = functools.partial(print, "prefix:", sep="|")
    p("a", "b")
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("done callback got", f.result()))
    loop.call_later(0.1, fut.set_result, "value")
    print("awaited", await fut)
    await asyncio.sleep(0)


asyncio.run(main())
