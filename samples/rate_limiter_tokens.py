# A token-bucket rate limiter kept in module globals, refilled by a background task.
import asyncio

tokens = 2
served = []


async def refill(every=0.25, times=4):
    global tokens
    for _ in range(times):
        await asyncio.sleep(every)
        tokens = min(tokens + 1, 2)
        print("refill ->", tokens)


async def request(id):
    global tokens
    while tokens == 0:
        await asyncio.sleep(0.05)
    tokens -= 1
    served.append(id)
    print("served", id, "left", tokens)


async def main():
    bg = asyncio.create_task(refill())
    await asyncio.gather(*[request(i) for i in range(5)])
    await bg
    print("served order", served, "tokens", tokens)


asyncio.run(main())
