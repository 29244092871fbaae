# Run-time spreads whose other arguments await (kept across the suspension), recursion through *xs, gathers of spread calls.
import asyncio


async def val(x):
    await asyncio.sleep(0.01)
    return x


async def combine(a, b, *rest, k=0, **kw):
    await asyncio.sleep(0.01)
    return a + b + sum(rest) + k + sum(kw.values())


def depth(*xs):
    if not xs:
        return 0
    return 1 + depth(*xs[1:])


async def main():
    xs = [1, 2, 3]
    extra = {"m": 10}
    print(await combine(*xs, k=await val(100), **extra))
    print(await combine(await val(5), *xs, **{"n": await val(7)}))
    r = await asyncio.gather(*[combine(*xs[:i], **extra) for i in range(2, 4)])
    print(r)
    print(depth(*xs), depth(*[x for x in xs if x > 5]))
    for i in range(3):
        try:
            print(await combine(*xs[:i]))
        except TypeError as e:
            print("TypeError:", e)


asyncio.run(main())
