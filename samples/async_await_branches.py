# await in if/elif/else conditions and branches, and in conditional
# expressions and boolean operators.
import asyncio


async def is_odd(x: int) -> bool:
    await asyncio.sleep(0)
    return x % 2 == 1


async def label(x: int) -> str:
    await asyncio.sleep(0.1)
    return "L" + str(x)


async def classify(x: int) -> str:
    if x < 0:
        return await label(-x) + "-neg"
    elif await is_odd(x):
        s: str = await label(x)
        return s + "-odd"
    else:
        return "even"


async def main() -> None:
    for x in [-3, 0, 1, 2, 5]:
        print(x, await classify(x))
    y: int = 7
    r: str = await label(y) if await is_odd(y) else "no"
    print("ternary", r)
    both: bool = await is_odd(3) and await is_odd(4)
    either: bool = await is_odd(4) or await is_odd(5)
    print("and/or", both, either)
    if not await is_odd(10):
        print("ten is even")


asyncio.run(main())
