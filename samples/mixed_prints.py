# print() of mixed types in one call: int, float, str, bool, None, list, tuple; sep= and end=.
import asyncio


async def measure(name, value, unit=None):
    await asyncio.sleep(0.01)
    if unit is None:
        print(name, "=", value)
    else:
        print(name, "=", value, unit)
    return value


async def main():
    a = await measure("count", 3)
    b = await measure("ratio", 0.25, "%")
    c = await measure("ok", True)
    d = await measure("label", "fast", "mode")
    print(a, b, c, d, None, sep=" | ")
    print([a, b], (c, d), end="!\n")
    print("sum", a + b, "and", a * 2, "and", c + 1)
    print(str(a) + "/" + str(b), repr(d), len(d))


asyncio.run(main())
