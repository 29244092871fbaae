# dict methods: get/setdefault/pop/popitem/update/del/in/len, keys/values/items views, comprehensions.
import asyncio

stock = {}


async def deliver(item, qty, delay):
    await asyncio.sleep(delay)
    stock[item] = stock.get(item, 0) + qty


async def main():
    await asyncio.gather(deliver("apple", 5, 0.2), deliver("pear", 2, 0.1), deliver("apple", 3, 0.3),
                         deliver("plum", 7, 0.15))
    print(stock, len(stock))
    keys = stock.keys()
    stock["fig"] = 1
    print(list(keys), list(stock.values()), list(stock.items())[:2])
    print(stock.setdefault("kiwi", 4), stock.setdefault("apple", 100))
    print(stock.pop("pear"), stock.pop("nope", "default"))
    del stock["fig"]
    stock.update({"plum": 0, "lime": 9}, melon=2)
    print(stock)
    print(stock.popitem(), "plum" in stock, "pear" not in stock)
    doubled = {k: v * 2 for k, v in stock.items() if v}
    print(doubled, sorted(doubled, key=doubled.get))
    inverted = {v: k for k, v in doubled.items()}
    print(inverted, dict(zip("abc", range(3))), dict([(1, "one"), (2, "two")]))


asyncio.run(main())
