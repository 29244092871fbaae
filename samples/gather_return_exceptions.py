# gather(..., return_exceptions=True): exceptions take their place in the
# result list (typed as a list of object: only printed).
import asyncio


class Oops(Exception):
    pass


async def maybe(n: int) -> int:
    await asyncio.sleep(0.1 * (5 - n))
    print("child", n, "ends")
    if n == 1:
        raise ValueError(f"bad {n}")
    if n == 3:
        raise Oops("oops")
    return n * 11


async def main() -> None:
    res = await asyncio.gather(*[maybe(i) for i in range(5)],
                               return_exceptions=True)
    print(res)
    for r in res:
        print(" ", repr(r))
    none = await asyncio.gather(maybe(0), maybe(2), return_exceptions=True)
    print("no errors", none)


asyncio.run(main())
