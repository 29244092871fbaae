# object values across awaits: coroutines that take and return objects,
# tasks whose results have several types, values kept in frames while
# suspended.
# asyncc: strip-differs the program makes CPython raise TypeError on purpose; without the object annotations the types are static and the checker rejects the operation at compile time
import asyncio


async def fetch(key: object, delay: float) -> object:
    await asyncio.sleep(delay)
    if isinstance(key, int):
        return key * 2
    if isinstance(key, str):
        return key + "!"
    return None


async def combine(a: object, b: object) -> object:
    left = await fetch(a, 0.02)
    right = await fetch(b, 0.01)
    try:
        return left + right
    except TypeError as e:
        return str(e)


async def main() -> None:
    keys = [1, "a", 2.5, 10]
    tasks: list[asyncio.Task[object]] = []
    for i in range(len(keys)):
        tasks.append(asyncio.create_task(fetch(keys[i], 0.01 * (4 - i))))
    results = await asyncio.gather(*tasks)
    print(results)
    print(await combine(1, 2), await combine("x", "y"), await combine(1, "y"))
    acc: object = 0
    for k in keys:
        v = await fetch(k, 0.005)
        print(k, "->", v)
        if isinstance(v, int):
            acc += v
    print("acc", acc)
    pending: list[object] = []
    for k in keys:
        pending.append(await combine(k, k))
    print(pending)


asyncio.run(main())
