# Functions returned from functions: counters, accumulators and a memoising wrapper; state kept in cells.
import asyncio


def counter(start=0, step=1):
    n = start - step

    def next_value():
        nonlocal n
        n += step
        return n
    return next_value


def memoize(fn):
    cache = {}

    def wrapper(x):
        if x not in cache:
            cache[x] = fn(x)
        return cache[x]
    wrapper.cache = cache
    return wrapper


@memoize
def slow_square(x):
    print("  computing", x)
    return x * x


async def ticket_seller(name, next_ticket, n):
    got = []
    for _ in range(n):
        await asyncio.sleep(0.1)
        got.append(next_ticket())
    print(name, got)


async def main():
    shared = counter(100, 5)
    await asyncio.gather(ticket_seller("A", shared, 3), ticket_seller("B", shared, 2))
    own = counter()
    print(own(), own(), shared())
    print([slow_square(x) for x in (3, 4, 3, 3, 4)], sorted(slow_square.cache.items()))


asyncio.run(main())
