# Iterator classes consumed by async loops: an iterable whose __iter__ returns a fresh iterator object, used by several tasks at once.
import asyncio


class Batch:
    def __init__(self, items, size):
        self.items = items
        self.size = size

    def __iter__(self):
        return BatchIter(self.items, self.size)


class BatchIter:
    def __init__(self, items, size):
        self.items = items
        self.size = size
        self.pos = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.pos >= len(self.items):
            raise StopIteration
        chunk = self.items[self.pos:self.pos + self.size]
        self.pos += self.size
        return chunk


async def worker(name, batches, delay):
    done = 0
    for chunk in batches:
        await asyncio.sleep(delay)
        done += sum(chunk)
        print(name, "processed", chunk)
    return name, done


async def main():
    b = Batch(list(range(1, 8)), 3)
    print(list(b), [len(c) for c in b])
    results = await asyncio.gather(worker("fast", b, 0.01), worker("slow", Batch([10, 20, 30], 2), 0.025))
    print(results)
    it = iter(b)
    first = next(it)
    rest = [c for c in it]
    print(first, rest, next(it, None))


asyncio.run(main())
