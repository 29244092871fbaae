# A watchdog loop with while True/break, and try/except/else/finally around awaited checks.
import asyncio

health = [True, True, False, True, False, False, True]


async def probe(i):
    await asyncio.sleep(0.5)
    if i >= len(health):
        raise IndexError("no more samples")
    return health[i]


async def watchdog(max_failures=2):
    i = failures = 0
    while True:
        try:
            ok = await probe(i)
        except IndexError as e:
            print("stop:", e)
            break
        else:
            if ok:
                failures = 0
            else:
                failures += 1
                print("failure", failures, "at sample", i)
                if failures >= max_failures:
                    print("restart at sample", i)
                    failures = 0
        finally:
            i += 1
    return i


async def main():
    print("samples", await watchdog())
    print("samples", await watchdog(3))


asyncio.run(main())
