# A container class: __len__, __bool__, __contains__, __getitem__/__setitem__, __iter__ used by tasks.
import asyncio


class Shelf:
    def __init__(self, slots):
        self.slots = [None] * slots

    def __len__(self):
        return sum(1 for s in self.slots if s is not None)

    def __bool__(self):
        return len(self) > 0

    def __contains__(self, item):
        return item in self.slots

    def __getitem__(self, i):
        return self.slots[i]

    def __setitem__(self, i, value):
        self.slots[i] = value

    def __iter__(self):
        return iter([s for s in self.slots if s is not None])


async def stock(shelf, i, item):
    await asyncio.sleep(0.1 * i)
    shelf[i] = item
    print("stocked", i, item, "now", len(shelf))


async def main():
    shelf = Shelf(4)
    print(bool(shelf), len(shelf))
    await asyncio.gather(stock(shelf, 2, "jam"), stock(shelf, 0, "tea"), stock(shelf, 3, "oat"))
    print(bool(shelf), "jam" in shelf, "rye" in shelf, shelf[1], shelf[-1])
    print(list(shelf), [x.upper() for x in shelf])
    for pos, item in enumerate(shelf):
        print(pos, item)


asyncio.run(main())
