# Classes with __aiter__/__anext__ in async for: an iterator object whose
# __anext__ raises StopAsyncIteration, and an __aiter__ written as an
# async generator method.
import asyncio


class Ticker:
    def __init__(self, count: int, delay: float):
        self.count = count
        self.delay = delay
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.count:
            raise StopAsyncIteration
        await asyncio.sleep(self.delay)
        self.i += 1
        return self.i * self.i


class Inventory:
    def __init__(self):
        self.items: dict[str, int] = {}

    def add(self, name: str, qty: int):
        self.items[name] = qty

    async def __aiter__(self):
        for name, qty in self.items.items():
            await asyncio.sleep(0)
            yield f"{name}={qty}"


async def main():
    async for sq in Ticker(4, 0.1):
        print("square", sq)
    t = Ticker(3, 0)
    print(await anext(t))
    async for rest in t:
        print("rest", rest)
    inv = Inventory()
    inv.add("apples", 3)
    inv.add("pears", 5)
    async for line in inv:
        print(line)
    print([s async for s in inv])


asyncio.run(main())
