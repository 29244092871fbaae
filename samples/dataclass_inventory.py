# A dataclass-heavy program: defaults, field(default_factory=list), generated __repr__ and __eq__.
import asyncio
from dataclasses import dataclass, field


@dataclass
class Item:
    name: str
    price: float
    qty: int = 1


@dataclass
class Order:
    id: int
    items: list = field(default_factory=list)
    status: str = "new"

    def total(self):
        return sum(i.price * i.qty for i in self.items)


async def fill(order, catalogue):
    for name, qty in catalogue:
        await asyncio.sleep(0.1)
        order.items.append(Item(name, PRICES[name], qty))
    order.status = "filled"
    return order


PRICES = {"pen": 1.5, "pad": 3.0, "ink": 7.25}


async def main():
    orders = [Order(1), Order(2, status="rush")]
    await asyncio.gather(fill(orders[0], [("pen", 2), ("ink", 1)]), fill(orders[1], [("pad", 4)]))
    for o in orders:
        print(o)
        print("  total", o.total())
    print(Item("pen", 1.5, 2) == orders[0].items[0], Item("pen", 1.5) == Item("pen", 1.5, 2))
    print(Order(3).items is not Order(4).items)


asyncio.run(main())
