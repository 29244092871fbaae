# The shared mutable default argument pitfall, next to the None-default idiom, in a class and a coroutine.
import asyncio


def add_tag(tag, tags=[]):
    tags.append(tag)
    return tags


def add_tag_fixed(tag, tags=None):
    if tags is None:
        tags = []
    tags.append(tag)
    return tags


class Basket:
    def __init__(self, owner, items=[]):
        self.owner = owner
        self.items = items

    async def add(self, item):
        await asyncio.sleep(0.01)
        self.items.append(item)


async def main():
    print(add_tag("a"), add_tag("b"), add_tag("c", ["x"]))
    print(add_tag_fixed("a"), add_tag_fixed("b"))
    b1, b2 = Basket("ann"), Basket("bob")
    await asyncio.gather(b1.add("egg"), b2.add("jam"))
    print(b1.items, b2.items, b1.items is b2.items)
    b3 = Basket("cy", [])
    await b3.add("tea")
    print(b3.items, add_tag.__defaults__)


asyncio.run(main())
