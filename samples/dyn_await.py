# object values through awaits: tasks and coroutines returning objects,
# awaits inside object expressions and comprehensions, unpacking in for.
import asyncio


async def slow(v: object) -> object:
    await asyncio.sleep(0.01)
    return v


async def main() -> None:
    for a, b in [(1, "x"), ("y", 2)]:
        print(a, b)
    errs: list[object] = []
    try:
        raise ValueError("bad")
    except ValueError as e:
        errs.append(e)
    print(errs, len(errs))
    vals = [1, "s", None]
    out = [await slow(v) for v in vals]
    print(out)
    total: object = 0
    for v in [1, 2.5]:
        total = total + await slow(v)
    print(total)
    m = await slow(3) * await slow("ab")
    print(m, f"{await slow(2.5):.2f}")
    t = asyncio.create_task(slow([1, "z"]))
    r = await t
    print(r, r[1], len(r))
    res = await asyncio.gather(slow(1), slow("two"))
    print(res)
    both = await asyncio.gather(slow(1), slow(None))
    print(both)


asyncio.run(main())
