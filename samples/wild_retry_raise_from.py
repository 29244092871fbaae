# A retry helper in the usual shape: attempts counted, the last error re-raised from the cause.
import asyncio

attempts = {}


class FetchError(Exception):
    pass


async def flaky(name, fail_times):
    attempts[name] = attempts.get(name, 0) + 1
    await asyncio.sleep(0.01)
    if attempts[name] <= fail_times:
        raise ConnectionError(f"{name} refused (try {attempts[name]})")
    return f"{name}: ok"


async def fetch(name, fail_times, retries=3):
    last = None
    for i in range(retries):
        try:
            return await flaky(name, fail_times)
        except ConnectionError as e:
            last = e
            await asyncio.sleep(0.05 * (i + 1))
    raise FetchError(f"giving up on {name}") from last


async def main():
    print(await fetch("alpha", 1))
    try:
        await fetch("beta", 5)
    except FetchError as e:
        print("error:", e)
        print("cause:", repr(e.__cause__))
    print("attempts:", attempts)


asyncio.run(main())
