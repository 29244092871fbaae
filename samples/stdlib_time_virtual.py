# import time: time.time/monotonic/perf_counter read the virtual clock and
# time.sleep blocks the whole program (no other task runs meanwhile) while
# moving the clock on.
import asyncio
import time


async def sleeper(name: str, delay: float):
    start = time.monotonic()
    await asyncio.sleep(delay)
    print(name, "slept", round(time.monotonic() - start, 3))


async def blocker():
    t0 = time.perf_counter()
    time.sleep(0.3)        # blocks: the sleepers cannot run meanwhile
    print("blocked for", round(time.perf_counter() - t0, 3))


async def main():
    begin = time.time()
    await asyncio.gather(sleeper("s1", 0.1), blocker(), sleeper("s2", 0.2))
    print("elapsed", round(time.time() - begin, 3))
    try:
        time.sleep(-1)
    except ValueError as e:
        print("ValueError:", e)


t = time.monotonic()
time.sleep(0.5)
print("before run", time.monotonic() - t)
asyncio.run(main())
