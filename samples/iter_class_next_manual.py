# Driving an iterator object by hand: next(), next(it, default), catching StopIteration, then finishing it with a for loop.
import asyncio


class Ticker:
    def __init__(self, limit):
        self.n = 0
        self.limit = limit

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > self.limit:
            raise StopIteration
        return f"tick{self.n}"


async def drain(t):
    out = []
    for x in t:
        out.append(x)
        await asyncio.sleep(0.01)
    return out


async def main():
    t = Ticker(5)
    print(next(t), next(t))
    print(await drain(t))
    print(next(t, "exhausted"), next(t, "still"))
    u = Ticker(1)
    try:
        print(next(u))
        print(next(u))
    except StopIteration:
        print("StopIteration caught", u.n)
    a, b = Ticker(2), Ticker(3)
    print(await asyncio.gather(drain(a), drain(b)))


asyncio.run(main())
