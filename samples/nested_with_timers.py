# Several context managers in one with statement, nested with, and an exception unwinding them in reverse order.
import asyncio


class Span:
    depth = 0

    def __init__(self, name, loop):
        self.name = name
        self.loop = loop

    def __enter__(self):
        self.start = self.loop.time()
        print("  " * Span.depth + "begin " + self.name)
        Span.depth += 1
        return self

    def __exit__(self, et, ev, tb):
        Span.depth -= 1
        took = self.loop.time() - self.start
        status = "ok" if et is None else "error " + et.__name__
        print("  " * Span.depth + f"end {self.name} {took:.1f}s {status}")


async def main():
    loop = asyncio.get_running_loop()
    with Span("request", loop), Span("auth", loop):
        await asyncio.sleep(0.2)
    with Span("job", loop) as job:
        with Span("fetch", loop):
            await asyncio.sleep(0.5)
        try:
            with Span("parse", loop), Span("validate", loop):
                await asyncio.sleep(0.1)
                raise ValueError("bad row")
        except ValueError as e:
            print("caught", e, "inside", job.name)
    print("depth", Span.depth)


asyncio.run(main())
