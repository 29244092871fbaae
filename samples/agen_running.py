# One operation at a time: a second anext while the first waits inside the generator is CPython's RuntimeError.
import asyncio


async def slow():
    for i in range(3):
        await asyncio.sleep(0.1)
        yield i


async def take(g, name: str):
    try:
        print(name, await anext(g))
    except RuntimeError as e:
        print(name, "RuntimeError:", e)


async def main():
    g = slow()
    await asyncio.gather(take(g, "first"), take(g, "second"))
    try:
        await g.asend(3)
    except Exception as e:
        print(type(e).__name__, e)
    async for x in g:
        print("rest", x)


asyncio.run(main())
