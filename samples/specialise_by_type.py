# One function called with int, float and str arguments (specialised per argument type).
import asyncio


def double(x):
    return x + x


async def delayed_double(x, delay=0.01):
    await asyncio.sleep(delay)
    return double(x)


def describe(value):
    return "{} ({})".format(value, type(value).__name__)


async def main():
    a = await delayed_double(21)
    b = await delayed_double(1.25)
    c = await delayed_double("ab")
    d = await delayed_double([1, 2])
    print(describe(a))
    print(describe(b))
    print(describe(c))
    print(describe(d))
    print(double(True), double(-3))


asyncio.run(main())
