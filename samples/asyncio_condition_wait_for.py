# Condition.wait_for with a plain def as the predicate: a bounded buffer shared by producers and consumers.
import asyncio

items = []
SIZE = 2
cond = asyncio.Condition()
taken = []


def has_room():
    return len(items) < SIZE


def has_item():
    return len(items)


async def producer(name, n):
    for i in range(n):
        async with cond:
            await cond.wait_for(has_room)
            items.append(f"{name}{i}")
            print("put", items[-1], "size", len(items))
            cond.notify_all()
        await asyncio.sleep(0.01)


async def consumer(name, n, delay):
    for _ in range(n):
        async with cond:
            count = await cond.wait_for(has_item)
            item = items.pop(0)
            print(name, "took", item, "of", count)
            taken.append(item)
            cond.notify_all()
        await asyncio.sleep(delay)


async def main():
    await asyncio.gather(producer("p", 4), producer("q", 4), consumer("a", 5, 0.05), consumer("b", 3, 0.08))
    print(sorted(taken), items)


asyncio.run(main())
