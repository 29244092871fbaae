# Retry with exponential backoff: a flaky coroutine fails twice per key, delays double each retry.
import asyncio

attempts = {}


async def flaky(key):
    n = attempts.get(key, 0) + 1
    attempts[key] = n
    await asyncio.sleep(0.01)
    if n < 3:
        raise ConnectionError(f"{key}: attempt {n} failed")
    return key.upper()


waited = 0.0


async def with_retry(key, retries=4, delay=0.1):
    global waited
    for i in range(retries):
        try:
            return await flaky(key)
        except ConnectionError as e:
            print("retrying after", delay, "-", e)
            await asyncio.sleep(delay)
            waited += delay
            delay *= 2
    return None


async def main():
    r = await with_retry("alpha")
    print(r, "after waiting", round(waited, 2))
    r = await with_retry("beta", retries=2)
    print(r, "after waiting", round(waited, 2))
    print(attempts)


asyncio.run(main())
