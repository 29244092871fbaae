# __repr__, __str__, __eq__ and __hash__ on a user class: printing, equality, dict keys and set membership.
import asyncio


class Money:
    def __init__(self, cents, cur="EUR"):
        self.cents = cents
        self.cur = cur

    def __repr__(self):
        return f"Money({self.cents}, {self.cur!r})"

    def __str__(self):
        return f"{self.cents // 100}.{self.cents % 100:02d} {self.cur}"

    def __eq__(self, other):
        return isinstance(other, Money) and (self.cents, self.cur) == (other.cents, other.cur)

    def __hash__(self):
        return hash((self.cents, self.cur))


async def price(item, cents):
    await asyncio.sleep(0.01)
    return item, Money(cents)


async def main():
    pairs = await asyncio.gather(price("tea", 250), price("cake", 475), price("bun", 250))
    for item, m in pairs:
        print(item, m)
    print([m for _, m in pairs])
    by_price = {}
    for item, m in pairs:
        by_price.setdefault(m, []).append(item)
    print(by_price)
    print(Money(250) == Money(250), Money(250) == Money(250, "USD"), Money(1) == 1)
    print(len({Money(5), Money(5), Money(6)}))


asyncio.run(main())
