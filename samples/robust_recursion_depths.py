# Issue 17, item 6: how deep a recursion gets before RecursionError, for
# plain defs, recursive awaits, coroutine objects and tasks, at the default
# limit and at a lowered one; the limit cannot go below the current depth.
# (A direct await of an async def that is not recursive is not counted, so
# the recursions here start right in main or in a task, as in CPython.)
import asyncio
import sys

reached: list[int] = [0]


def sync_down(n: int) -> int:
    reached[0] = n
    return sync_down(n + 1) + 1


async def async_down(n: int) -> int:
    reached[0] = n
    return await async_down(n + 1) + 1


async def obj_down(n: int) -> int:
    reached[0] = n
    c = obj_down(n + 1)
    return await c + 1


async def mixed(n: int) -> int:
    reached[0] = n
    if n % 2 == 0:
        return sync_helper(n) + 0
    return await mixed(n + 1) + 1


def sync_helper(n: int) -> int:
    if n > 100000:
        return 0
    return sync_down(n + 1)


def depth_of_sync() -> int:
    try:
        sync_down(0)
    except RecursionError:
        pass
    return reached[0]


async def in_task() -> int:
    try:
        await async_down(0)
    except RecursionError:
        pass
    return reached[0]


async def main() -> None:
    print("sync from a coroutine", depth_of_sync())
    try:
        await async_down(0)
    except RecursionError:
        print("async", reached[0])
    c = obj_down(0)
    try:
        await c
    except RecursionError:
        print("coroutine objects", reached[0])
    print("in a task", await asyncio.create_task(in_task()))
    r = await asyncio.gather(async_down(0), in_task(), return_exceptions=True)
    print("gather", type(r[0]).__name__, r[1])
    try:
        await mixed(1)
    except RecursionError as e:
        print("mixed", reached[0], e)
    sys.setrecursionlimit(200)
    try:
        await async_down(0)
    except RecursionError:
        print("limit 200:", reached[0], depth_of_sync())
    try:
        sys.setrecursionlimit(10)
    except RecursionError as e:
        print("RecursionError:", e)
    sys.setrecursionlimit(1000)
    print("back to 1000:", await asyncio.create_task(in_task()))


print("sync from the module", depth_of_sync())
asyncio.run(main())
print("after the run", depth_of_sync())
