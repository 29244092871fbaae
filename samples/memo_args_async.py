# An async memoising decorator keyed by (args, sorted kwargs) tuples; concurrent callers share one pending task.
import asyncio


def async_cache(fn):
    cache = {}

    async def wrapper(*args, **kwargs):
        key = (args, tuple(sorted(kwargs.items())))
        if key not in cache:
            cache[key] = asyncio.ensure_future(fn(*args, **kwargs))
        return await cache[key]

    wrapper.cache = cache
    return wrapper


calls = []


@async_cache
async def lookup(name, region="eu"):
    calls.append((name, region))
    await asyncio.sleep(0.2)
    return f"{name}@{region}"


async def main():
    r = await asyncio.gather(lookup("a"), lookup("a"), lookup("a", region="us"), lookup("b"),
                             lookup("a", region="eu"))
    print(r)
    print(calls, len(lookup.cache))
    print(await lookup("b"), calls[-1], list(lookup.cache)[2])


asyncio.run(main())
