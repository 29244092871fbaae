# async for in the builtins spelling: over lists, tuples and dicts it is a
# plain loop (as in Edge Python: nothing else runs between the items); over
# an async generator each item may suspend the consumer.  The reference
# runner gives CPython's async for the same rule (python/asyncc/_suspend.py).


async def ticks(n):
    for i in range(n):
        await sleep(0.5)
        yield i * 10


def plain_gen():
    yield "g1"
    yield "g2"


async def main():
    async for x in [1, 2, 3]:
        print("list", x)
    async for t in ("a", "b"):
        print("tuple", t)
    ages = {"ann": 31, "bob": 27}
    async for name in ages:
        print("dict", name, ages[name])
    async for v in ticks(3):
        print("tick", v)
    async for i in range(2):
        print("range", i)
    async for k, v in ages.items():
        print("item", k, v)
    async for g in plain_gen():
        print("generator", g)
    doubled = [x * 2 async for x in [5, 6]]
    print(doubled)
    print([v async for v in ticks(2)])
    return "done"


async def other():
    for i in range(3):
        print("other", i)
        await sleep(0)


print(run(main(), other()))
