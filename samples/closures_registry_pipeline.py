# A registry decorator filling a dict of async functions called by name from tasks, a pipeline of
# *stages, captures two defs deep, closures made after an await capturing str locals.
import asyncio

REGISTRY = {}


def register(name):
    def deco(fn):
        REGISTRY[name] = fn
        return fn
    return deco


@register("fetch")
async def fetch(item):
    await asyncio.sleep(0.2)
    return f"fetched {item}"


@register("store")
async def store(item):
    await asyncio.sleep(0.1)
    return f"stored {item}"


@register("noop")
async def noop(item):
    return None


def pipeline(*stages):
    def run(x):
        for s in stages:
            x = s(x)
        return x
    return run


def outer():
    level = "outer"

    def middle():
        def inner():
            return f"{level} seen from inner"
        return inner()
    return middle()


async def main():
    jobs = [("fetch", "a"), ("store", "b"), ("noop", "c"), ("fetch", "d")]
    results = await asyncio.gather(*[REGISTRY[k](v) for k, v in jobs])
    print(results, sorted(REGISTRY))
    inc = lambda x: x + 1
    double = lambda x: x * 2
    print(pipeline(inc, double, inc)(5), pipeline(inc)(7))
    print(outer())
    names = []

    async def visit(name, delay):
        await asyncio.sleep(delay)
        names.append(name)
        label = name.upper()

        def shout():
            return label + "!"
        await asyncio.sleep(delay)
        return shout()

    print(await asyncio.gather(visit("x", 0.2), visit("y", 0.1)), names)
    counters = {n: 0 for n in "ab"}

    def bump(n):
        counters[n] += 1
        return counters[n]

    print([bump(c) for c in "abba"], counters)


asyncio.run(main())
