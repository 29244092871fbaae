# One task awaited by several waiters: each waiter gets the same result, and
# they are woken in the order they started waiting.
import asyncio


async def compute(n: int) -> int:
    print("compute starts")
    await asyncio.sleep(1.0)
    print("compute finishes")
    return n * n


async def waiter(name: str, t: asyncio.Task[int], delay: float) -> int:
    await asyncio.sleep(delay)
    print(name, "waits")
    v: int = await t
    print(name, "got", v)
    return v + len(name)


async def main() -> None:
    t: asyncio.Task[int] = asyncio.create_task(compute(7))
    w1: asyncio.Task[int] = asyncio.create_task(waiter("w1", t, 0.3))
    w2: asyncio.Task[int] = asyncio.create_task(waiter("w2-long", t, 0.1))
    w3: asyncio.Task[int] = asyncio.create_task(waiter("w3xx", t, 0.2))
    print("main waits too")
    v: int = await t
    print("main got", v)
    print("w1", await w1)
    print("w2", await w2)
    print("w3", await w3)
    late: int = await t
    print("late await of finished task", late)


asyncio.run(main())
