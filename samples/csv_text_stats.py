# CSV-like text parsed into tuples of (str, int, float) by tasks; per-column statistics with min/max/sorted.
import asyncio

DATA = """name,qty,price
bolt,120,0.05
nut,300,0.02
gear,8,4.50
spring,45,0.35
"""


async def parse_line(line, delay):
    await asyncio.sleep(delay)
    name, qty, price = line.split(",")
    return name, int(qty), float(price)


def value(row):
    return row[1] * row[2]


def by_price(row):
    return row[2]


def by_qty(row):
    return row[1]


async def main():
    header, *lines = DATA.strip().split("\n")
    rows = await asyncio.gather(*[parse_line(ln, 0.01 * i) for i, ln in enumerate(lines)])
    print(header.split(","))
    for name, qty, price in rows:
        print(f"{name:<7}{qty:>4} x {price:5.2f} = {qty * price:7.2f}")
    print("most valuable", max(rows, key=value)[0], "cheapest", min(rows, key=by_price)[0])
    print("by qty", [r[0] for r in sorted(rows, key=by_qty)])
    print("total", round(sum(value(r) for r in rows), 2), "items", sum(r[1] for r in rows))


asyncio.run(main())
