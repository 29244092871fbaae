# One helper used with lists of ints, strs and empty lists, with and without a None default (Optional results).
import asyncio


def first_or_default(xs, default=None):
    return xs[0] if xs else default


def describe(x):
    if x is None:
        return "nothing"
    return repr(x)


async def fetch_list(kind, n):
    await asyncio.sleep(0.01 * n)
    if kind == "int":
        return [n * 10 + i for i in range(n)]
    return ["s" + str(i) for i in range(n)]


async def main():
    ints, strs, empty = await asyncio.gather(fetch_list("int", 3), fetch_list("str", 2), fetch_list("int", 0))
    print(describe(first_or_default(ints)), describe(first_or_default(strs)), describe(first_or_default(empty)))
    print(first_or_default(empty, -1), first_or_default([], "none"), first_or_default(strs, "x"))
    v = first_or_default(ints)
    if v is not None:
        print("narrowed", v + 1)
    w = first_or_default(empty)
    print("w is None:", w is None, "w or 0:", w or 0)


asyncio.run(main())
