# Work split into batches by slicing; each batch gathered before the next; for-else and while-else.
import asyncio


async def handle(item):
    await asyncio.sleep(0.01 * (item % 4))
    return item * item


async def main():
    items = list(range(1, 12))
    size = 4
    results = []
    for start in range(0, len(items), size):
        batch = items[start:start + size]
        out = await asyncio.gather(*[handle(x) for x in batch])
        print("batch", start // size, batch, "->", out)
        results.extend(out)
    for r in results:
        if r > 200:
            print("found big", r)
            break
    else:
        print("no result above 200")
    n = 0
    while n < 3:
        n += 1
    else:
        print("while ended normally at", n)
    print(len(results), results[-3:])


asyncio.run(main())
