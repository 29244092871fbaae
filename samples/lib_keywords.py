# Library calls bound the way Python binds them (one signature table):
# keyword arguments for positional-or-keyword parameters, keyword-only
# parameters, defaults in between, None for optional str arguments.
import asyncio


async def slow(x: int) -> int:
    await asyncio.sleep(0.5)
    return x * 2


async def main() -> None:
    line: str = "a b  c d"
    print(line.split(maxsplit=1), line.split(None, 2), line.split(sep=" "))
    print("k=v=w".split("=", maxsplit=1), "x,y".split(sep=",", maxsplit=0))
    xs: list[int] = [3, 1, 2]
    xs.sort(reverse=True)
    print(xs, sorted(xs), sorted(xs, reverse=False), sorted("bca", reverse=True))
    xs.sort()
    print(xs, round(2.675, 2), round(7.5), round(2.5, None))
    print(await asyncio.wait_for(slow(1), timeout=1.0))
    print(await asyncio.wait_for(slow(2), None))
    try:
        print(await asyncio.wait_for(slow(3), timeout=0.1))
    except asyncio.TimeoutError:
        print("timed out")
    print("a", "b", sep="-", end="!\n")
    print("c", end="")
    print(sep="x")


asyncio.run(main())
