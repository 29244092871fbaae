# await nested in expressions: arithmetic, call arguments, print arguments,
# f-string fields, indexing, list literals and comparisons.
import asyncio


async def f(y: int) -> int:
    await asyncio.sleep(0.05)
    return y * 10


async def g() -> str:
    await asyncio.sleep(0)
    return "gee"


async def nums() -> list[int]:
    await asyncio.sleep(0)
    return [3, 1, 4, 1, 5]


async def main() -> None:
    x: int = 1 + await f(2)
    print("x", x)
    print(await g())
    print(await g(), await f(1), sep="|")
    print(f"f(3)={await f(3)} g={await g()!r} w={await f(4):>6}")
    print("sum", await f(1) + await f(2) * await f(3))
    print("idx", (await nums())[2], len(await nums()))
    lst: list[int] = [await f(1), await f(2), 99]
    print("list", lst)
    print("cmp", await f(1) < await f(2) <= 20)
    s: str = (await g()).upper() + str(max(await f(5), 7))
    print(s)
    x += await f(x)
    print("augmented", x)


asyncio.run(main())
