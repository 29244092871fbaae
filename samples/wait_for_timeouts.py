# asyncio.wait_for with timeouts: some jobs finish, others raise TimeoutError, counted in globals.
import asyncio

finished = 0
timed_out = 0


async def job(n, delay):
    await asyncio.sleep(delay)
    return n * 2


async def attempt(n, delay, limit=0.5):
    global finished, timed_out
    try:
        r = await asyncio.wait_for(job(n, delay), timeout=limit)
        finished += 1
        print("job", n, "->", r)
    except asyncio.TimeoutError:
        timed_out += 1
        print("job", n, "timed out after", limit)


async def main():
    await asyncio.gather(attempt(1, 0.2), attempt(2, 0.7), attempt(3, 0.4, 0.3), attempt(4, 0.1))
    print("finished", finished, "timed out", timed_out)


asyncio.run(main())
