# An exception raised five awaits deep, caught at the top; finally blocks on
# the way run innermost first, and an intermediate except re-raises.
import asyncio


class DeepError(Exception):
    pass


async def level5(n: int) -> int:
    await asyncio.sleep(0.1)
    if n > 2:
        raise DeepError(f"too big: {n}")
    return n


async def level4(n: int) -> int:
    try:
        return await level5(n) + 4
    finally:
        print("  finally 4")


async def level3(n: int) -> int:
    try:
        return await level4(n) + 3
    except DeepError as e:
        print("  level3 saw", e, "and re-raises")
        raise


async def level2(n: int) -> int:
    v: int = await level3(n)
    print("  level2 got", v)
    return v + 2


async def level1(n: int) -> int:
    try:
        return await level2(n) + 1
    finally:
        print("  finally 1")


async def main() -> None:
    for n in [1, 3]:
        try:
            print("result", await level1(n))
        except DeepError as e:
            print("caught at top:", repr(e))
    print("main done")


asyncio.run(main())
