# Cancelling a task while it sits at `await asyncio.sleep(0)` (a bare yield):
# the CancelledError is thrown in at the yield on the task's next step, even
# when the yield is several awaits deep (an inline child, a coroutine held in
# a variable, a recursive coroutine), and handlers and finally blocks on the
# way up run in order.
import asyncio


async def spin(name: str, n: int) -> int:
    i: int = 0
    try:
        while i < n:
            await asyncio.sleep(0)
            i += 1
    finally:
        print(name, "spin finally at", i)
    return i


async def middle(name: str) -> int:
    try:
        return await spin(name, 100)
    except asyncio.CancelledError:
        print(name, "middle saw CancelledError")
        raise


async def deep(name: str, depth: int) -> int:
    if depth == 0:
        return await middle(name)
    r: int = await deep(name, depth - 1)
    return r + 1


async def held(name: str) -> int:
    c = middle(name)
    v: int = await c
    return v


async def survivor() -> str:
    n: int = 0
    try:
        for _ in range(10):
            await asyncio.sleep(0)
    except asyncio.CancelledError:
        print("survivor caught it and goes on")
    while n < 3:
        await asyncio.sleep(0)
        n += 1
    return "survived " + str(n)


async def main() -> None:
    a: asyncio.Task[int] = asyncio.create_task(spin("a", 100))
    b: asyncio.Task[int] = asyncio.create_task(deep("b", 3))
    c: asyncio.Task[int] = asyncio.create_task(held("c"))
    s: asyncio.Task[str] = asyncio.create_task(survivor())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("cancel:", a.cancel(), b.cancel(), c.cancel(), s.cancel())
    print("cancel again:", a.cancel())
    for t in [a, b, c]:
        try:
            await t
        except asyncio.CancelledError:
            print("cancelled:", t.cancelled())
    print(await s)
    print("done:", a.done(), b.done(), c.done(), s.done())


asyncio.run(main())
