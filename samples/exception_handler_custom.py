# loop.set_exception_handler with a closure and a bound method: callback errors, done-callback errors and call_exception_handler reach it; None restores the default.
import asyncio


class Collector:
    def __init__(self):
        self.reports = []

    def handle(self, loop, context):
        exc = context.get("exception")
        self.reports.append((context["message"].split("(")[0], type(exc).__name__))


def make_handler(log):
    def handler(loop, context):
        log.append(f"{type(context['exception']).__name__}: {context['exception']}")
    return handler


def tick(n, out):
    out.append(n)
    if n % 2:
        raise ValueError(f"odd {n}")


def check_done(t):
    if t.result() > 1:
        raise RuntimeError(f"result too big: {t.result()}")


async def value(x):
    await asyncio.sleep(0.01)
    return x


async def main():
    loop = asyncio.get_running_loop()
    log = []
    loop.set_exception_handler(make_handler(log))
    out = []
    for n in range(4):
        loop.call_later(0.01 * n, tick, n, out)
    await asyncio.sleep(0.1)
    print("ticks", out)
    print("closure saw", log)

    c = Collector()
    loop.set_exception_handler(c.handle)
    for x in (1, 2):
        t = asyncio.create_task(value(x))
        t.add_done_callback(check_done)
    await asyncio.sleep(0.1)
    loop.call_exception_handler({"message": "manual", "exception": KeyError("k")})
    print("collector saw", c.reports)

    loop.set_exception_handler(None)
    print("back to default:", loop.get_exception_handler() is None)


asyncio.run(main())
