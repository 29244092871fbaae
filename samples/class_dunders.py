import asyncio


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __rmul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y

    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"

    def __str__(self):
        return f"<{self.x}, {self.y}>"

    def __abs__(self):
        return (self.x * self.x + self.y * self.y) ** 0.5

    def __bool__(self):
        return self.x != 0 or self.y != 0


class Bag:
    def __init__(self):
        self.items = []

    def add(self, x):
        self.items.append(x)

    def __len__(self):
        return len(self.items)

    def __contains__(self, x):
        return x in self.items

    def __getitem__(self, i):
        return self.items[i]

    def __setitem__(self, i, v):
        self.items[i] = v

    def __call__(self, x):
        return self.items.count(x)


async def fill(bag, words):
    for w in words:
        await asyncio.sleep(0.01)
        bag.add(w)
    return len(bag)


async def main():
    a = Vec(1, 2)
    b = Vec(3, 4)
    print(a + b, a * 3, 2 * b, -a, abs(b))
    print(a == Vec(1, 2), a != b, a < b, b < a, a is a, a is b)
    print(repr(a), str(a), [a, b], f"{a} {a!r}")
    print(sorted([b, a, Vec(0, 9)]))
    print(bool(Vec(0, 0)), bool(a), hash(a) == hash(Vec(1, 2)))
    if not Vec(0, 0):
        print("zero is falsy")
    c = a
    c += b
    print(c, a)
    bag = Bag()
    n = await fill(bag, ["x", "y", "x"])
    print(n, len(bag), "x" in bag, "z" in bag, "z" not in bag, bag[1], bag("x"))
    bag[0] = "z"
    print(bag.items, bag("x"))
    if bag:
        print("bag is truthy")
    empty = Bag()
    print("empty" if not empty else "full")


asyncio.run(main())
