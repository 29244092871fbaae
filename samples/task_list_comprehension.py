# Tasks created in a list comprehension, awaited with gather, results zipped back to their inputs.
import asyncio


async def square_later(x, delay=0.1):
    await asyncio.sleep(delay)
    print("computed", x)
    return x * x


def second(pair):
    return pair[1]


async def main():
    inputs = [5, 3, 8, 1]
    coros = [square_later(x, x / 10) for x in inputs]
    results = await asyncio.gather(*coros)
    for x, r in zip(inputs, results):
        print(f"{x} -> {r}")
    print("max", max(results), "min", min(results), "sum", sum(results))
    best = max(zip(inputs, results), key=second)
    print("best", best)


asyncio.run(main())
