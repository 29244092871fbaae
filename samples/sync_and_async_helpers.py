# Sync helpers called from async code and vice versa through asyncio.run; defaults and keyword calls.
import asyncio


def clamp(x, lo=0, hi=100):
    if x < lo:
        return lo
    if x > hi:
        return hi
    return x


def mean(values):
    return sum(values) / len(values) if values else 0.0


async def sample(sensor, n=3, step=0.1):
    readings = []
    for i in range(n):
        await asyncio.sleep(step)
        readings.append(clamp(sensor * 40 - i * 35, hi=90))
    return readings


async def main():
    a = await sample(1)
    b = await sample(3, n=2)
    c = await sample(sensor=2, step=0.05, n=4)
    for name, r in (("a", a), ("b", b), ("c", c)):
        print(name, r, "mean", round(mean(r), 2))
    print(mean([]))


print(clamp(-5), clamp(500), clamp(50, hi=40))
asyncio.run(main())
