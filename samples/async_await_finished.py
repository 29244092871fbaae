# Awaiting a task that already finished returns its result again, without
# suspending; awaiting a failed task again raises again.
import asyncio


async def value(n: int) -> int:
    await asyncio.sleep(0)
    return n * 3


async def fail() -> int:
    raise RuntimeError("once failed, always failed")


async def other() -> int:
    for i in range(3):
        print("other", i)
        await asyncio.sleep(0)
    return 0


async def main() -> None:
    t: asyncio.Task[int] = asyncio.create_task(value(5))
    f: asyncio.Task[int] = asyncio.create_task(fail())
    o: asyncio.Task[int] = asyncio.create_task(other())
    print("first", await t)
    print("second", await t)
    print("third", await t + await t)
    for i in range(2):
        try:
            await f
        except RuntimeError as e:
            print("await failed task", i, e)
    await o
    print("done", t.done(), f.done())


asyncio.run(main())
