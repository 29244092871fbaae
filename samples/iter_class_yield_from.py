# Generators delegating to iterator objects with `yield from`, mixed with generator items, consumed by concurrent tasks.
import asyncio


class Countdown:
    def __init__(self, start):
        self.n = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


class Evens:
    def __init__(self, limit):
        self.limit = limit

    def __iter__(self):
        return EvensIter(self.limit)


class EvensIter:
    def __init__(self, limit):
        self.k = 0
        self.limit = limit

    def __next__(self):
        self.k += 2
        if self.k > self.limit:
            raise StopIteration
        return self.k


def schedule(name, start):
    yield f"{name}:begin"
    yield from (f"{name}:{x}" for x in Countdown(start))
    yield f"{name}:end"


def numbers():
    yield from Countdown(3)
    yield from Evens(6)
    yield -1


async def run(name, start):
    out = []
    for step in schedule(name, start):
        await asyncio.sleep(0.01)
        out.append(step)
    return out


async def main():
    print(list(numbers()), sum(numbers()))
    a, b = await asyncio.gather(run("a", 2), run("b", 3))
    print(a)
    print(b)


asyncio.run(main())
