# Custom context managers: __exit__ sees the exception, suppresses some (true return), lets others through.
import asyncio


class Guard:
    def __init__(self, name, suppress=()):
        self.name = name
        self.suppress = suppress
        self.log = []

    def __enter__(self):
        self.log.append("enter")
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        kind = exc_type.__name__ if exc_type else None
        self.log.append(f"exit:{kind}")
        print("exit", self.name, kind, exc)
        return exc_type is not None and issubclass(exc_type, self.suppress)


async def step(n):
    await asyncio.sleep(0.1)
    if n == 1:
        raise KeyError("missing")
    if n == 2:
        raise ValueError("bad value")
    return n


async def main():
    for n in range(3):
        g = Guard(f"g{n}", suppress=(KeyError,))
        try:
            with g as same:
                print("same object", same is g)
                r = await step(n)
                print("result", r)
            print("after with", g.log)
        except ValueError as e:
            print("escaped:", e, g.log)


asyncio.run(main())
