# import time alongside asyncio: time.sleep blocks, monotonic/perf_counter differences are only compared, never printed.
import asyncio
import time


async def ticker(n, delay=0.1):
    for i in range(n):
        await asyncio.sleep(delay)
        print("tick", i)


def busy(steps):
    t0 = time.perf_counter()
    total = 0
    for i in range(steps):
        total += i * i
    return total, time.perf_counter() - t0 >= 0


async def main():
    start = time.monotonic()
    await ticker(3)
    total, ok = busy(1000)
    print("busy", total, ok)
    elapsed = time.monotonic() - start
    print("elapsed non-negative", elapsed >= 0)
    time.sleep(0)
    print("time() positive", time.time() > 0)


asyncio.run(main())
