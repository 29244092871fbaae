# Chained assignment whose first target is not a name: the value is
# evaluated once and stored into each target, left to right.


class Node:
    def __init__(self, value):
        self.value = value
        self.next = None


class Queue:
    def __init__(self):
        self.head = self.tail = None
        self.size = self.pushes = 0

    def push(self, value):
        node = Node(value)
        if self.tail is None:
            self.head = self.tail = node
        else:
            self.tail.next = self.tail = node
        self.size += 1
        self.pushes += 1

    def values(self):
        out = []
        n = self.head
        while n is not None:
            out.append(n.value)
            n = n.next
        return out


q = Queue()
for v in ["a", "b", "c"]:
    q.push(v)
print(q.size, q.pushes, q.values())
grid = [[0, 0], [0, 0]]
grid[0][1] = grid[1][0] = 7
a, b = c, d = 1, 2
p = r = [0]
p.append(1)
print(grid, a, b, c, d, p, r)
