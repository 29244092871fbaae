# Recursive fan-out: a tree of tasks, each node gathers its children and sums their results.
import asyncio


async def node(depth, id, width=2):
    await asyncio.sleep(0.01 * depth)
    if depth == 0:
        return id
    children = [node(depth - 1, id * width + k, width) for k in range(width)]
    values = await asyncio.gather(*children)
    print("node", depth, id, "children", values)
    return sum(values)


async def main():
    total = await node(2, 1)
    print("total", total)
    total3 = await node(1, 1, width=3)
    print("total3", total3)


asyncio.run(main())
