# A cache dict with None as "missing": default None parameters filled on first use, Optional returns.
import asyncio

cache = {}
hits = 0


async def load(key, loader_delay=None):
    global hits
    if key in cache:
        hits += 1
        return cache[key]
    if loader_delay is None:
        loader_delay = 0.1
    await asyncio.sleep(loader_delay)
    value = len(key) * 10 if not key.startswith("x") else None
    cache[key] = value
    return value


async def main():
    keys = ["abc", "xyz", "abc", "hello", "xyz", "abc"]
    values = []
    for k in keys:
        values.append(await load(k))
    print(values)
    print("hits", hits, "cached", len(cache))
    found = [v for v in values if v is not None]
    print("found", found, "missing", values.count(None))


asyncio.run(main())
