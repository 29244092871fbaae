# Optional values: a lookup returns None or a number, narrowed with `is None` / `is not None`.
import asyncio

prices = [("apple", 3), ("pear", 5), ("plum", 2)]


async def lookup(name):
    await asyncio.sleep(0.01)
    for n, p in prices:
        if n == name:
            return p
    return None


async def total(names):
    t = 0
    missing = None
    for name in names:
        p = await lookup(name)
        if p is None:
            print("no price for", name)
            if missing is None:
                missing = name
            continue
        t += p
    return t, missing


async def main():
    t, m = await total(["apple", "kiwi", "plum", "fig"])
    print("total", t, "first missing", m)
    t, m = await total(["pear"])
    print("total", t, "first missing", m)
    if m is not None:
        print("unexpected")


asyncio.run(main())
