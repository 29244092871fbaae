# Observer pattern: bound methods and plain functions stored in a list and called when a task emits events.
import asyncio


class Logger:
    def __init__(self, prefix):
        self.prefix = prefix
        self.lines = []

    def on_event(self, kind, value):
        self.lines.append(f"{self.prefix}{kind}={value}")


class Stats:
    def __init__(self):
        self.total = 0

    def on_event(self, kind, value):
        if kind == "sale":
            self.total += value


class Emitter:
    def __init__(self):
        self.handlers = []

    def connect(self, handler):
        self.handlers.append(handler)

    async def emit_all(self, events, delay=0.1):
        for kind, value in events:
            await asyncio.sleep(delay)
            for h in self.handlers:
                h(kind, value)


def shout(kind, value):
    if value > 50:
        print("big", kind, value)


async def main():
    log, stats, em = Logger("> "), Stats(), Emitter()
    em.connect(log.on_event)
    em.connect(stats.on_event)
    em.connect(shout)
    await em.emit_all([("sale", 20), ("refund", 5), ("sale", 70)])
    print(log.lines)
    print("total", stats.total, "handlers", len(em.handlers))
    print(log.on_event.__self__ is log, log.on_event.__name__)


asyncio.run(main())
