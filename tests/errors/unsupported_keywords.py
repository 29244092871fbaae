# Keyword arguments Python accepts and asyncc does not yet, and ones
# Python does not accept at all.
import asyncio


async def work() -> int:
    return 1


async def main() -> None:
    print("x", flush=True)
    xs: list[int] = [3, 1, 2]
    print(sorted(xs, key=str))
    t = asyncio.create_task(work(), context=None)
    print(await t, "a b".split(maxsplit=1))
    print("a".find("a", 1))
    print(len("x", y=2))
    xs.sort(reversed=True)


asyncio.run(main())
