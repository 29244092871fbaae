import asyncio


async def numbers(n):
    for i in range(n):
        await asyncio.sleep(0.01)
        yield i


async def square(x):
    await asyncio.sleep(0)
    return x * x


class Countdown:
    def __init__(self, start):
        self.n = start

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.n -= 1
        return self.n


class Words:
    def __init__(self, text):
        self.words = text.split()

    async def __aiter__(self):
        for w in self.words:
            await asyncio.sleep(0)
            yield w.upper()


async def main():
    xs = [x async for x in numbers(5)]
    print(xs)
    evens = [x * 10 async for x in numbers(8) if x % 2 == 0]
    print(evens)
    sq = [await square(x) for x in range(4)]
    print(sq)
    s = {x % 3 async for x in numbers(7)}
    print(sorted(s))
    d = {x: str(x) async for x in numbers(3)}
    print(d)
    async for c in Countdown(3):
        print("countdown", c)
    else:
        print("liftoff")
    async for w in Words("hello async world"):
        print(w)
    total = 0
    async for a in numbers(3):
        async for b in numbers(2):
            total += a * 10 + b
    print("total", total)


asyncio.run(main())
