# Sets and frozensets of ints (printed directly: their order equals CPython's): operators and methods.
import asyncio

seen = set()


async def visit(start, step, n):
    for i in range(n):
        await asyncio.sleep(0.01)
        seen.add(start + i * step)


async def main():
    await asyncio.gather(visit(0, 3, 6), visit(1, 4, 5), visit(100, -7, 4))
    print(seen, len(seen))
    evens = {x for x in seen if x % 2 == 0}
    odds = seen - evens
    print(evens)
    print(odds)
    small = frozenset(range(0, 10))
    print(seen & small, seen | {1000, 2000}, small ^ {3, 4, 50})
    print(evens <= seen, evens < evens, small.isdisjoint({10, 11}), {3}.issubset(seen))
    seen.discard(100)
    seen.remove(0)
    print(sorted(seen)[:5], 100 in seen, min(seen), max(seen))
    print({(1, 2), (0, 0), (2, 1)} == {(2, 1), (1, 2), (0, 0)}, set(), frozenset({5, 1}))
    print(set([-1, -2, 7, 64, 65, 3]), {x % 5 for x in range(20)})


asyncio.run(main())
