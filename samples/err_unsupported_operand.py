# Runtime error: an int + str mix from a heterogeneous list -> TypeError: unsupported operand type(s).
import asyncio


async def total(values):
    t = 0
    for v in values:
        await asyncio.sleep(0)
        t = t + v
        print("running", t)
    return t


async def main():
    print(await total([1, 2, 3]))
    print(await total([4.5, True]))
    print(await total([10, "20", 30]))


asyncio.run(main())
