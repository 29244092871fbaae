# get, setdefault, pop, popitem, keys/values/items, update, clear, copy, ==.
import asyncio


async def main() -> None:
    stock = {"apple": 3, "pear": 0, "fig": 12}
    print(stock.get("apple"), stock.get("kiwi"), stock.get("kiwi", -1), stock.get("pear", 5))
    print(stock.setdefault("kiwi", 4), stock.setdefault("apple", 100), stock)
    print(stock.pop("pear"), stock.pop("nope", 0), stock)
    print(stock.popitem(), stock)
    print(list(stock.keys()), list(stock.values()), list(stock.items()))
    keys = stock.keys()
    items = stock.items()
    stock["lime"] = 2           # views are live
    print(keys, stock.values(), items, len(keys), "lime" in keys, 2 in stock.values(), ("lime", 2) in items)
    for k, v in stock.items():
        print(k, "->", v)
    print(sorted(stock), sorted(stock.values()), sorted(stock.items()))
    more = {"fig": 1, "date": 9}
    stock.update(more)
    print(stock)
    snap = stock.copy()
    snap["fig"] = 99
    print(stock == snap, stock == stock.copy(), stock != snap)
    print(snap)
    stock.clear()
    print(stock, len(stock), snap)
    counts: dict[str, int] = {}
    for w in "the cat and the hat and the bat".split():
        counts[w] = counts.get(w, 0) + 1
    print(counts)
    print(max(counts.values()), min(counts), sum(counts.values()))
    await asyncio.sleep(0)


asyncio.run(main())
