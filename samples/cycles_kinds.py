# Cycles through every kind of container the collector follows: tuples, sets, dict values,
# closure cells, lists of lists, and an object holding its own task; each dropped in a loop.
import asyncio


class Owner:
    def __init__(self, tag):
        self.tag = tag
        self.items: list[object] = []
        self.index: dict[str, Owner] = {}
        self.peers: set[Owner] = set()

    def __hash__(self):
        return hash(self.tag)

    def __eq__(self, other):
        return isinstance(other, Owner) and self.tag == other.tag


def tuple_cycle(i):
    o = Owner(i)
    o.items.append((o, i))
    return len(o.items)


def set_cycle(i):
    o = Owner(i)
    o.peers.add(o)
    return len(o.peers)


def dict_cycle(i):
    a = Owner(i)
    b = Owner(i + 1)
    a.index["b"] = b
    b.index["a"] = a
    return len(a.index) + len(b.index)


def cell_cycle(i):
    seen = []

    def remember(x):
        seen.append(x)
        return len(seen)

    handlers = [remember]
    remember(handlers)
    return remember(i)


def nested_lists(i):
    outer = [[i]]
    inner = [outer, [i + 1]]
    outer.append(inner)
    return len(outer) + len(inner)


async def job(o):
    await asyncio.sleep(0)
    return o.tag * 2


async def task_cycle(i):
    o = Owner(i)
    t = asyncio.create_task(job(o))
    o.items.append(t)
    return await t


async def main():
    total = 0
    for i in range(3000):
        total += tuple_cycle(i) + set_cycle(i) + dict_cycle(i) + cell_cycle(i) + nested_lists(i)
    print("sync total", total)
    done = 0
    for i in range(300):
        done += await task_cycle(i)
    print("task total", done)


asyncio.run(main())
