# Coroutines awaiting coroutines that return different types: int -> list -> dict -> str.
import asyncio


async def get_count(base):
    await asyncio.sleep(0.1)
    return base * 2


async def get_items(base):
    n = await get_count(base)
    return [f"item{i}" for i in range(n)]


async def get_index(base):
    items = await get_items(base)
    return {name: len(name) + i for i, name in enumerate(items)}


async def summary(base):
    index = await get_index(base)
    keys = list(index)
    return f"{len(keys)} keys, first={keys[0]}, last={keys[-1]}, sum={sum(index.values())}"


async def main():
    for base in (1, 3):
        print(await summary(base))
    print(await get_index(1))


asyncio.run(main())
