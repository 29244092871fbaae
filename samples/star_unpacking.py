# Star unpacking of gathered results: first, *rest = ...; a, *mid, z = ...; *init, last = ...
import asyncio


async def value(i):
    await asyncio.sleep(0.01 * (5 - i))
    return i * i


async def main():
    results = await asyncio.gather(*[value(i) for i in range(6)])
    first, *rest = results
    print("first", first, "rest", rest)
    a, *mid, z = results
    print("a", a, "mid", mid, "z", z)
    *init, last = results
    print("init", init, "last", last)
    head, second, *_ = "hello"
    print(head, second)
    x, *y = [42]
    print(x, y)
    print(*results, sep=",")
    print([*rest, *init][:4])


asyncio.run(main())
