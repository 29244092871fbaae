# enumerate (with start), zip of two and three iterables, reversed: over
# task lists and their results, as asyncio tutorials write them.
import asyncio


async def fetch(name: str, delay: float):
    await asyncio.sleep(delay)
    return f"{name}-data"


async def main():
    names = ["alpha", "beta", "gamma"]
    delays = [0.3, 0.1, 0.2]
    tasks = [asyncio.create_task(fetch(n, d)) for n, d in zip(names, delays)]
    results = await asyncio.gather(*tasks)
    for i, r in enumerate(results):
        print(i, r)
    for rank, (name, delay) in enumerate(zip(names, delays), start=1):
        print(f"{rank}. {name} waited {delay}")
    for name, delay, result in zip(names, delays, results):
        print(name, delay, result, sep=" | ")
    print(list(enumerate("abc", 10)))
    print(list(zip([1, 2, 3], "xy")))
    for name in reversed(names):
        print("reversed", name)
    print("".join(reversed("stressed")), list(reversed(range(4))))
    countdown = [3, 2, 1]
    for i, left in enumerate(reversed(countdown)):
        await asyncio.sleep(0.01)
        print("tick", i, left)


asyncio.run(main())
