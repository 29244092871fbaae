# Each row of a table is produced by its own task; columns come from zip(*rows).
import asyncio


async def make_row(i, width=4):
    await asyncio.sleep(0.01 * (3 - i))
    return [i * width + j for j in range(width)]


async def main():
    rows = await asyncio.gather(*[make_row(i) for i in range(3)])
    for r in rows:
        print(" ".join("%3d" % x for x in r))
    cols = list(zip(*rows))
    print("columns:", cols)
    print("column sums:", [sum(c) for c in cols])
    print("column max:", [max(c) for c in zip(*rows)])
    first, *others = cols
    print("first column", first, "as list", list(first), "others", len(others))


asyncio.run(main())
