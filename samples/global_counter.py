# Globals mutated by several tasks: a shared counter and a high-water mark with `global`.
import asyncio

counter = 0
peak = 0
active = 0


async def worker(name, n, delay=0.05):
    global counter, peak, active
    active += 1
    if active > peak:
        peak = active
    for i in range(n):
        await asyncio.sleep(delay)
        counter += 1
        print(name, "step", i, "counter", counter)
    active -= 1


async def main():
    await asyncio.gather(worker("a", 3), worker("b", 2, 0.07), worker("c", 1, 0.2))
    print("counter", counter, "peak", peak, "active", active)


if __name__ == "__main__":
    asyncio.run(main())
