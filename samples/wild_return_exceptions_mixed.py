# gather(return_exceptions=True): results and errors in one list, sorted out by type.
import asyncio


async def compute(x):
    await asyncio.sleep(0.01 * x)
    if x == 3:
        raise ValueError("three is unlucky")
    if x == 5:
        raise KeyError(x)
    return x * x


async def main():
    results = await asyncio.gather(*(compute(i) for i in range(1, 7)), return_exceptions=True)
    ok = []
    for i, r in enumerate(results, start=1):
        if isinstance(r, Exception):
            print(i, "failed:", type(r).__name__, r)
        else:
            ok.append(r)
            print(i, "->", r)
    print("ok:", ok, "sum:", sum(ok))
    print("errors:", len(results) - len(ok))


asyncio.run(main())
