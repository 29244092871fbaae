# In a coroutine the possibly-unbound local lives across awaits (in the
# frame), and so does its "assigned" flag.
import asyncio


async def fetch(key, ok):
    await asyncio.sleep(0.01)
    if ok:
        result = len(key)
        note = key.upper()
    await asyncio.sleep(0.01)
    try:
        return f"{note}:{result}"
    except UnboundLocalError as e:
        return f"{key} failed: {e}"


async def total(xs):
    for x in xs:
        acc = x
        await asyncio.sleep(0)
    return acc


async def main():
    print(await asyncio.gather(fetch("ab", True), fetch("cd", False)))
    print(await total([1, 2, 3]))
    try:
        await total([])
    except UnboundLocalError as e:
        print("total([]):", e)


asyncio.run(main())
