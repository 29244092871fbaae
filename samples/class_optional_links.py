# Instances that may be None (linked queues, table lookups, a scheduler's "next task"): attributes and methods
# are used directly, as in CPython, and a field that starts as None later holds instances.
class Item:
    def __init__(self, name, link):
        self.name = name
        self.link = link

    def last(self):
        node = self
        while node.link is not None:
            node = node.link
        return node


class Queue:
    def __init__(self):
        self.head = None
        self.size = 0

    def push(self, name):
        item = Item(name, None)
        if self.head is None:
            self.head = item
        else:
            self.head.last().link = item
        self.size += 1
        return self

    def pop(self):
        item = self.head
        self.head = item.link
        self.size -= 1
        return item.name

    def peek_second(self):
        return self.head.link.name


class Worker:
    def __init__(self, ident, table):
        self.ident = ident
        self.next = table.first
        table.first = self
        table.slots[ident] = self

    def run(self):
        return self.next


class Table:
    def __init__(self):
        self.first = None
        self.slots = [None] * 4


q = Queue().push("a").push("b").push("c")
print(q.size, q.peek_second(), q.head.last().name)
print(q.pop(), q.pop(), q.size)
t = Table()
for i in range(1, 4):
    Worker(i, t)
w = t.first
order = []
while w is not None:
    order.append(w.ident)
    w = w.run()
print(order, t.slots[2].ident, t.slots[0] is None)
people = {"ann": Item("ann", None)}
found = people.get("ann")
print(found.name, people.get("bob") is None)
