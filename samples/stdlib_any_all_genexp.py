# any/all stop at the first deciding item of a generator expression; sum,
# min, max, sorted, list and str.join take generator expressions too.
import asyncio


def is_slow(delay: float):
    print("  checking", delay)
    return delay > 0.25


async def job(i: int, delay: float):
    await asyncio.sleep(delay)
    return i * 10


async def main():
    delays = [0.1, 0.3, 0.2, 0.5]
    print("any slow:", any(is_slow(d) for d in delays))
    print("all slow:", all(is_slow(d) for d in delays))
    print("all short:", all(d < 1 for d in delays), "any zero:", any(d == 0 for d in delays))
    results = await asyncio.gather(*[job(i, d) for i, d in enumerate(delays)])
    print(results)
    print("total", sum(r for r in results), "big", sum(1 for r in results if r >= 20))
    print("min", min(r for r in results if r > 0), "max", max(r * 2 for r in results))
    print(sorted(-r for r in results), list(str(r) for r in results))
    print(", ".join(f"job{i}={r}" for i, r in enumerate(results)))
    print(all(results), any([0, 0]), any([0.0, 0.5]), all(["a", ""]))
    grid = [[1, 2], [3, 4]]
    print(any(x == y for row in grid for x in row for y in row if x != y))
    print(any(x == 4 for row in grid for x in row))


asyncio.run(main())
