# A user class with __eq__/__hash__ as dict keys and set members; tasks update counts for equal-but-distinct keys.
import asyncio


class Sku:
    def __init__(self, code, size):
        self.code = code
        self.size = size

    def __eq__(self, other):
        return (self.code, self.size) == (other.code, other.size)

    def __hash__(self):
        return hash((self.code, self.size))

    def __repr__(self):
        return f"{self.code}/{self.size}"


stock = {}


async def receive(shipment, delay):
    for code, size, qty in shipment:
        await asyncio.sleep(delay)
        key = Sku(code, size)
        stock[key] = stock.get(key, 0) + qty


async def main():
    await asyncio.gather(receive([(1, "M", 5), (2, "L", 1)], 0.1),
                         receive([(1, "M", 2), (1, "S", 4)], 0.15))
    print(stock, len(stock))
    print(stock[Sku(1, "M")], Sku(2, "L") in stock, Sku(2, "S") in stock)
    sizes = {Sku(1, "M"), Sku(1, "M"), Sku(3, "XL")}
    print(len(sizes), Sku(3, "XL") in sizes)
    print(sorted(stock.items(), key=lambda kv: (-kv[1], kv[0].code)))


asyncio.run(main())
