# anext(), anext with a default, __anext__, StopAsyncIteration, aiter().
import asyncio


async def letters():
    for ch in "abc":
        await asyncio.sleep(0)
        yield ch


async def main():
    g = letters()
    print(await anext(g))
    print(await g.__anext__())
    print(await anext(g, "?"))
    print(await anext(g, "?"))
    try:
        await anext(g)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    h = letters()
    print(type(aiter(h)).__name__)
    first = await anext(aiter(h))
    rest = [c async for c in h]
    print(first, rest)
    print(await anext(letters(), "x"))


asyncio.run(main())
