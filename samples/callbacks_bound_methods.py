# Bound methods as callbacks: a list's append and a user class's methods via call_soon/call_later, a done callback, a future's set_result.
import asyncio


class Collector:
    def __init__(self):
        self.items = []

    def add(self, tag, value):
        self.items.append((tag, value))

    def on_done(self, t):
        self.items.append(("task", t.result()))


async def job():
    return 4


async def main():
    loop = asyncio.get_running_loop()
    results = []
    for x in (3, 1, 2):
        loop.call_soon(results.append, x)
    c = Collector()
    loop.call_later(0.1, c.add, "direct", 3)
    t = asyncio.create_task(job())
    t.add_done_callback(c.on_done)
    fut = loop.create_future()
    loop.call_later(0.05, fut.set_result, "value")
    print("awaited", await fut)
    await asyncio.sleep(0.2)
    print(results, c.items)


asyncio.run(main())
