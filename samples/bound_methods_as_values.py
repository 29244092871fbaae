# Bound methods of user classes as values: in a list, through map, with keywords, async ones to gather.
import asyncio


class Counter:
    def __init__(self, name):
        self.name = name
        self.n = 0

    def add(self, k, times=1):
        self.n += k * times
        return f"{self.name}={self.n}"

    async def tick(self, delay):
        await asyncio.sleep(delay)
        self.n += 1
        return self.n


async def main():
    a, b = Counter("a"), Counter("b")
    ops = [a.add, b.add]
    print([op(2) for op in ops], a.add(1, times=3))
    inc = b.add
    print(inc(5, times=2), list(map(a.add, [1, 2])))
    ticks = [a.tick, b.tick]
    print(await asyncio.gather(*[t(0.01) for t in ticks]))


asyncio.run(main())
