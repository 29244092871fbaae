# A bounded buffer class built on asyncio.Condition: producers wait while full, consumers while empty.
import asyncio


class BoundedBuffer:
    def __init__(self, size):
        self.size = size
        self.items = []
        self.cond = asyncio.Condition()
        self.max_seen = 0

    async def put(self, item):
        async with self.cond:
            await self.cond.wait_for(lambda: len(self.items) < self.size)
            self.items.append(item)
            self.max_seen = max(self.max_seen, len(self.items))
            self.cond.notify_all()

    async def get(self):
        async with self.cond:
            await self.cond.wait_for(lambda: self.items)
            item = self.items.pop(0)
            self.cond.notify_all()
            return item


async def producer(buf, name, n):
    for i in range(n):
        await buf.put(f"{name}{i}")
        await asyncio.sleep(0.01)


async def consumer(buf, n, delay):
    got = []
    for _ in range(n):
        got.append(await buf.get())
        await asyncio.sleep(delay)
    return got


async def main():
    buf = BoundedBuffer(2)
    _, _, a, b = await asyncio.gather(producer(buf, "p", 4), producer(buf, "q", 4),
                                      consumer(buf, 5, 0.05), consumer(buf, 3, 0.08))
    print(a, b, buf.max_seen, buf.items)


asyncio.run(main())
