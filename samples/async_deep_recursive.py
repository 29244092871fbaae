# Deep await chains through one recursive async function.
# 1) depth 1,000 as a chain of TASKS: each level creates a task for the next
#    level and awaits it, so no stack (C or CPython) grows with the depth;
# 2) inline recursion 960 deep (CPython's recursion limit of 1,000 frames
#    forbids a full 1,000 inline there): a value and an exception both
#    travel all the way back up.
import asyncio


async def link(depth: int, limit: int) -> int:
    if depth == limit:
        await asyncio.sleep(0.5)
        print("bottom task reached at depth", depth)
        return 0
    if depth % 250 == 0:
        print("task chain going down", depth)
    t: asyncio.Task[int] = asyncio.create_task(link(depth + 1, limit))
    below: int = await t
    return below + depth


async def descend(depth: int) -> int:
    if depth == 0:
        await asyncio.sleep(0)
        return 0
    return depth + await descend(depth - 1)


async def explode(depth: int) -> int:
    if depth == 0:
        await asyncio.sleep(0)
        raise ValueError("bottom of the chain")
    return 1 + await explode(depth - 1)


async def main() -> None:
    print("task chain sum", await link(0, 1000))
    print("inline sum", await descend(960))
    try:
        await explode(960)
    except ValueError as e:
        print("caught at top:", e)


asyncio.run(main())
