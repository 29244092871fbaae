# Unpacking gathered results with star targets and printing them with sep.
import asyncio


async def measure(name, value):
    await asyncio.sleep(0.01 * value)
    return name, value * 1.5


async def main():
    readings = await asyncio.gather(measure("a", 4), measure("b", 2), measure("c", 6), measure("d", 1))
    first, *middle, last = readings
    print("first:", first)
    print("middle:", middle)
    print("last:", last)
    names = [n for n, _ in readings]
    print(*names, sep=" | ")
    best, *rest = sorted(readings, key=lambda r: -r[1])
    print("best %s with %.1f" % best)
    merged = [*names, *[str(v) for _, v in rest]]
    print(merged)


asyncio.run(main())
