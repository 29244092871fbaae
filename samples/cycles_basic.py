# Reference cycles of every container kind, dropped in loops: the collector frees them (LeakSanitizer checks).
import asyncio
import gc


class Pair:
    def __init__(self, name):
        self.name = name
        self.other = self  # a cycle from the start


class Node:
    def __init__(self, value):
        self.value = value
        self.children = []
        self.parent = self

    def add(self, child):
        child.parent = self
        self.children.append(child)
        return child


def make_pairs(n):
    total = 0
    for i in range(n):
        a = Pair("a" + str(i))
        b = Pair("b" + str(i))
        a.other = b
        b.other = a
        total += len(a.other.other.name)
    return total


def self_loop():
    p = Pair("self")
    return p.other.other.name


def list_in_itself():
    xs: list[object] = [1, 2]
    xs.append(xs)
    return len(xs)


def dict_cycle():
    d: dict[str, object] = {"n": 3}
    d["me"] = d
    return len(d)


def closures():
    def even(n):
        return True if n == 0 else odd(n - 1)

    def odd(n):
        return False if n == 0 else even(n - 1)

    return even(10), odd(7)


def tree(depth, width):
    root = Node(0)
    level = [root]
    count = 1
    for d in range(depth):
        nxt = []
        for parent in level:
            for w in range(width):
                nxt.append(parent.add(Node(d * 10 + w)))
                count += 1
        level = nxt
    return count, len(root.children), root.children[0].parent is root


async def worker(name, n):
    kept = Pair(name)
    total = 0
    for i in range(n):
        total += make_pairs(10)
        if i % 5 == 0:
            await asyncio.sleep(0)
    # the frame held `kept` across every await: still whole
    return kept.other.name, total


async def main():
    print(make_pairs(1000))
    print(self_loop(), list_in_itself(), dict_cycle())
    print(closures())
    print(tree(3, 4))
    results = await asyncio.gather(worker("w1", 20), worker("w2", 30))
    print(results)
    ring = [Pair(str(i)) for i in range(5)]
    for i in range(5):
        ring[i].other = ring[(i + 1) % 5]
    start = ring[0]
    ring = []
    gc.collect()  # the ring is still held by `start`: nothing of it goes
    names = []
    p = start
    for _ in range(6):
        names.append(p.name)
        p = p.other
    print(names, len(ring))
    print("done")


asyncio.run(main())
