# asyncc: no-oracle in the builtins spelling (Edge Python) async for also walks lists, tuples and dicts, which CPython rejects with TypeError; the expected output is written by hand
# asyncc: strip-differs this check compares with the CPython run, which raises TypeError at the first async for over a list; the compiled program loops as Edge Python does
# async for in the builtins spelling: over lists, tuples and dicts it is a
# plain loop (as in Edge Python); over an async generator each item may
# suspend the consumer.


async def ticks(n):
    for i in range(n):
        await sleep(0.5)
        yield i * 10


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
    doubled = [x * 2 async for x in [5, 6]]
    print(doubled)
    print([v async for v in ticks(2)])
    return "done"


print(run(main()))
