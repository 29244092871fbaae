# An LRU cache class on top of dict insertion order (pop and re-insert), shared by fetching tasks.
import asyncio


class LRU:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = {}
        self.hits = self.misses = 0

    def get(self, key):
        if key not in self.data:
            self.misses += 1
            return None
        self.hits += 1
        value = self.data.pop(key)
        self.data[key] = value
        return value

    def put(self, key, value):
        self.data.pop(key, None)
        self.data[key] = value
        if len(self.data) > self.capacity:
            oldest = next(iter(self.data))
            del self.data[oldest]
            print("evicted", oldest)


async def fetch(cache, key):
    v = cache.get(key)
    if v is None:
        await asyncio.sleep(0.1)
        v = key * 100
        cache.put(key, v)
    return v


async def main():
    c = LRU(3)
    for batch in ([1, 2, 3], [1, 4], [2, 5, 1]):
        print(await asyncio.gather(*[fetch(c, k) for k in batch]))
    print(list(c.data), c.hits, c.misses)


asyncio.run(main())
