# A heterogeneous list (int, str, float, None, list) processed by a task with isinstance checks.
import asyncio

items = [3, "three", 3.5, None, [1, 2], True, "x"]


async def classify(values):
    counts = {"int": 0, "str": 0, "float": 0, "other": 0}
    for v in values:
        await asyncio.sleep(0)
        if isinstance(v, bool):
            counts["other"] += 1
        elif isinstance(v, int):
            counts["int"] += 1
        elif isinstance(v, str):
            counts["str"] += 1
        elif isinstance(v, float):
            counts["float"] += 1
        else:
            counts["other"] += 1
        print(repr(v), type(v).__name__)
    return counts


async def main():
    counts = await classify(items)
    print(counts)
    print(items)
    print(str(items[3]), items[4] + [3], items[1] * 2)


asyncio.run(main())
