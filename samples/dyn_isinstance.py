# isinstance() and type(x).__name__ on object values: results of
# gather(return_exceptions=True) and a mixed list, sorted out at run time.
import asyncio


async def work(n: int) -> int:
    await asyncio.sleep(0.01 * n)
    if n == 2:
        raise ValueError("two")
    return n * 10


def describe(x: object) -> str:
    if isinstance(x, bool):
        return "bool " + str(x)
    if isinstance(x, int):
        return f"int {x:+d}"
    if isinstance(x, (float, str)):
        return type(x).__name__ + " " + repr(x)
    if isinstance(x, Exception):
        return "error " + repr(x)
    return "other " + type(x).__name__


async def main() -> None:
    res = await asyncio.gather(work(1), work(2), work(3), return_exceptions=True)
    for r in res:
        print(describe(r))
        if not isinstance(r, Exception):
            print(int(r) + 1)
    vals = [1, "22", 3.7, True, None, [1], (1, 2)]
    for v in vals:
        print(describe(v))
    print(int(vals[1]) + int(vals[2]), float(vals[1]), abs(-3.5 if vals[3] else 1))
    w: object = "hello"
    print(w[1:3], w[::-1], len(w))
    a, b = (1, "x")
    p: object = [5, "y"]
    c, d = p
    print(a, b, c, d)
    try:
        e, f, g = p
        print(e, f, g)
    except ValueError as err:
        print(err)
    try:
        print(int(vals[4]))
    except TypeError as err:
        print(err)
    xs: list[object] = []
    xs.append(1)
    xs.append("two")
    xs.append(3.0)
    print(xs, xs[0] + xs[2], xs.index("two"), "two" in xs, xs.count(1))


asyncio.run(main())
