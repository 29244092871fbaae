# TaskGroup scheduling: nested groups, the parent cancelled from outside, a return inside the block, a timeout around a group.
import asyncio


async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)


async def leaf(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise RuntimeError(name)
        print("leaf", name, "ok")
        return name
    finally:
        print("leaf", name, "exits")


async def inner_group(tag, fail):
    async with asyncio.TaskGroup() as tg:
        tg.create_task(leaf(tag + "1", 0.1))
        tg.create_task(leaf(tag + "2", 0.2, fail))
    return tag


async def early_return():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(leaf("r1", 0.1))
        return "returned before the children ended"


async def quick(x):
    print("quick", x)
    return x


async def main():
    async with asyncio.TaskGroup() as outer:
        outer.create_task(ticker(5))
        a = outer.create_task(inner_group("x", False))
        outer.create_task(quick(1))
    print("nested ok", a.result())
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(inner_group("y", True))
            outer.create_task(leaf("z", 1.0))
    except ExceptionGroup as eg:
        print("nested failure:", repr(eg))
    print(await early_return())
    try:
        async with asyncio.timeout(0.15):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(leaf("t1", 0.1))
                tg.create_task(leaf("t2", 0.3))
    except TimeoutError:
        print("timeout around the group")
    w = asyncio.create_task(inner_group("w", False))
    await asyncio.sleep(0.05)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("group task cancelled from outside", w.cancelled())


asyncio.run(main())
