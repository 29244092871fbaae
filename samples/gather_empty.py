# gather() with no arguments gives [] (both spellings), and a gather over
# an empty starred list does too.
import asyncio


async def f(i: int) -> int:
    await asyncio.sleep(0)
    return i


async def main() -> None:
    e: list[int] = await asyncio.gather()
    print("asyncio.gather()", e, len(e))
    n: int = 0
    s: list[int] = await asyncio.gather(*[f(i) for i in range(n)])
    print("empty star", s)
    one: list[int] = await asyncio.gather(f(5))
    print("one", one)


async def builtins_side() -> int:
    e: list[int] = await gather()
    print("gather()", e)
    return len(e)


asyncio.run(main())
print("run", run(builtins_side()))
