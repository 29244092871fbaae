# Condition.wait_for with a lambda over a local, a closure (nested def) and a functools.partial predicate.
import asyncio
import functools


def at_least(box, n):
    return len(box) >= n


async def main():
    cond = asyncio.Condition()
    box = []
    seen = []
    firsts = []

    def has_three():
        return len(box) >= 3

    async def waiter(name, pred):
        async with cond:
            await cond.wait_for(pred)
            seen.append(f"{name}:{len(box)}")

    async def first_item():
        async with cond:
            item = await cond.wait_for(lambda: box[0] if box else "")
            firsts.append(item)

    tasks = [asyncio.create_task(waiter("closure", has_three)),
             asyncio.create_task(waiter("partial", functools.partial(at_least, box, 2))),
             asyncio.create_task(first_item())]
    for word in ["a", "b", "c", "d"]:
        await asyncio.sleep(0.01)
        async with cond:
            box.append(word)
            cond.notify_all()
    await asyncio.gather(*tasks)
    print(seen, firsts)


asyncio.run(main())
