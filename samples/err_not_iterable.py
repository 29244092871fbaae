# Runtime error: iterating a user object without __iter__ -> TypeError: 'Basket' object is not iterable.
import asyncio


class Basket:
    def __init__(self):
        self.items = []

    def add(self, x):
        self.items.append(x)
        return self


async def fill(b, n):
    for i in range(n):
        await asyncio.sleep(0.01)
        b.add(i * i)
    return b


async def main():
    b = await fill(Basket(), 4)
    print(b.items, sum(b.items))
    for x in b:
        print(x)


asyncio.run(main())
