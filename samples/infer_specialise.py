# Unannotated functions specialised per argument-type tuple: lists of ints,
# floats and strs, defaults, f-strings of several types, async producers.
import asyncio


def scale(values, factor=2):
    out = []
    for v in values:
        out.append(v * factor)
    return out


def describe(x):
    return f"<{x}>"


async def produce(name, items, delay=0.01):
    await asyncio.sleep(delay)
    return [f"{name}:{i}" for i in items]


async def main():
    print(scale([1, 2, 3]), scale([0.5, 1.5]), scale([1, 2], 0.5), scale(["ab"], 3))
    print(describe(1), describe(2.5), describe("s"), describe([1]), describe((1, "a")))
    a, b = await asyncio.gather(produce("a", [1, 2]), produce("b", range(3), 0.02))
    print(a, b)
    t = asyncio.create_task(produce("c", [7]))
    print(await t)


asyncio.run(main())
