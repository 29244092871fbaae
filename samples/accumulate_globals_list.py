# Tasks append to a global list and update a global dict of totals; main reads them after gather.
import asyncio

events = []
totals = {}


async def sell(shop, items, pause=0.1):
    for item, price in items:
        await asyncio.sleep(pause)
        events.append(shop + ":" + item)
        totals[shop] = totals.get(shop, 0) + price


async def main():
    await asyncio.gather(
        sell("north", [("tea", 3), ("cake", 4)]),
        sell("south", [("coffee", 5)], pause=0.15),
        sell("east", [("tea", 3), ("tea", 3), ("bun", 2)], 0.05),
    )
    print(events)
    for shop in sorted(totals):
        print(shop, totals[shop])
    best = max(totals, key=totals.get)
    print("best shop", best, "grand total", sum(totals.values()))


asyncio.run(main())
