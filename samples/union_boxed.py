# A union that flows into something wider is boxed there (a list of
# objects, a dict of mixed values, a class attribute, a closure's cell) and
# comes back out as it was.


class Meter:
    def __init__(self):
        self.level = 0

    def add(self, v):
        self.level = self.level + v


def counter():
    n = 0

    def inc(by):
        nonlocal n
        n = n + by
        return n

    return inc


x = 3
x = x * 0.5
items = [x, 1, None]
print(items, items[0] + 1)
d = {"x": x, "n": 2}
d["x"] = d["x"] * 2
print(d)
m = Meter()
m.add(1)
m.add(0.25)
print(m.level)
inc = counter()
inc(1)
print(inc(0.5))
y = items[1]
y = y + 0.5
print(y, [x, y], (x, y), str([x, None]))
