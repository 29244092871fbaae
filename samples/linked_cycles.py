# Objects forming reference cycles: a doubly linked list and parent<->child trees built and dropped in a loop.
import asyncio


class Node:
    def __init__(self, value):
        self.value = value
        self.prev = None
        self.next = None


class DList:
    def __init__(self):
        self.head = self.tail = None
        self.size = 0

    def append(self, value):
        n = Node(value)
        if self.tail is None:
            self.head = self.tail = n
        else:
            n.prev, self.tail.next = self.tail, n
            self.tail = n
        self.size += 1

    def values(self, backwards=False):
        out, n = [], (self.tail if backwards else self.head)
        while n is not None:
            out.append(n.value)
            n = n.prev if backwards else n.next
        return out


class TreeNode:
    def __init__(self, parent=None):
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)


async def build(rounds):
    total = 0
    for r in range(rounds):
        root = TreeNode()
        for _ in range(50):
            TreeNode(TreeNode(root))
        total += len(root.children)
        if r % 100 == 0:
            await asyncio.sleep(0)
    return total


async def main():
    d = DList()
    for v in "abcde":
        d.append(v)
    print(d.values(), d.values(backwards=True), d.size, d.head.next.prev is d.head)
    print("built", await build(2000))


asyncio.run(main())
