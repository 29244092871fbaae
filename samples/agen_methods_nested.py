# Async generator methods (with awaits in their finally, closed by await g.aclose()), async generators nested in a function and recursive ones.
import asyncio


class Feed:
    def __init__(self, name: str):
        self.name = name

    async def entries(self, n: int):
        try:
            for i in range(n):
                await asyncio.sleep(0.1)
                yield f"{self.name}-{i}"
        finally:
            print(self.name, "feed closing")
            await asyncio.sleep(0.1)
            print(self.name, "feed closed")


async def outer(k: int):
    async def inner(m: int):
        for i in range(m):
            yield i * k

    out = []
    async for v in inner(3):
        out.append(v)
    return out


async def tree(depth: int):
    yield depth
    if depth > 0:
        async for d in tree(depth - 1):
            yield d


async def main():
    f = Feed("news")
    g = f.entries(5)
    async for e in g:
        print(e)
        if e.endswith("1"):
            break
    await g.aclose()
    print("after aclose")
    print(await outer(7))
    print([d async for d in tree(3)])


asyncio.run(main())
