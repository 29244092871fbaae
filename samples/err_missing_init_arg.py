# Runtime error: a constructor call missing an argument -> TypeError: Widget.__init__() missing 1 required positional argument.
import asyncio


class Widget:
    def __init__(self, name, size):
        self.name = name
        self.size = size

    async def grow(self, by):
        await asyncio.sleep(0.1)
        self.size += by
        return self.size


async def main():
    w = Widget("box", 2)
    print(w.name, await w.grow(3))
    specs = [("a", 1), ("b",)]
    for spec in specs:
        print("building", spec)
        Widget(*spec)


asyncio.run(main())
