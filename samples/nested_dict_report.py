# Nested dicts (dict of dicts of lists) filled by tasks, then summarised with comprehensions and printed.
import asyncio

sales = {}


async def record(region, month, amounts, delay):
    for a in amounts:
        await asyncio.sleep(delay)
        sales.setdefault(region, {}).setdefault(month, []).append(a)


async def main():
    await asyncio.gather(record("north", "jan", [10, 20], 0.1), record("north", "feb", [5], 0.12),
                         record("south", "jan", [7, 7, 7], 0.05), record("west", "mar", [], 0.1))
    print(sales)
    totals = {r: {m: sum(v) for m, v in months.items()} for r, months in sales.items()}
    print(totals)
    per_region = {r: sum(ms.values()) for r, ms in totals.items()}
    print(per_region, max(per_region, key=per_region.get))
    months = sorted({m for ms in totals.values() for m in ms})
    print(months, {m: sum(ms.get(m, 0) for ms in totals.values()) for m in months})
    print("west" in sales, len(sales["north"]), sales["south"]["jan"].count(7))


asyncio.run(main())
