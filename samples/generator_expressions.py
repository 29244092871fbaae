# Generator expressions as arguments (sum, any, all, max, join) over data produced by tasks.
import asyncio


async def measure(i):
    await asyncio.sleep(0.01 * (i % 3))
    return i * 7 % 10


async def main():
    values = await asyncio.gather(*(measure(i) for i in range(10)))
    print(values)
    print("sum of evens", sum(v for v in values if v % 2 == 0))
    print("any nine", any(v == 9 for v in values))
    print("all small", all(v < 10 for v in values))
    print("max square", max(v * v for v in values))
    print("joined", "-".join(str(v) for v in values if v > 4))
    print("count > 5", sum(1 for v in values if v > 5))
    print(list(i for i, v in enumerate(values) if v == 0))


asyncio.run(main())
