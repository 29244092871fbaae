# f(*xs) and f(**d) whose lengths and keys are known only at run time: typed parameters, defaults, keyword-only, methods, constructors and CPython's TypeErrors caught.
import asyncio


def add(a: int, b: int, c: int = 10) -> int:
    return a + b + c


def show(first, *rest, sep="-", **opts):
    print(first, rest, sep, sorted(opts.items()))


class Point:
    def __init__(self, x, y=0, *, label="p"):
        self.x, self.y, self.label = x, y, label

    def __repr__(self):
        return f"Point({self.x}, {self.y}, {self.label!r})"

    async def moved(self, dx, dy=0):
        await asyncio.sleep(0.01)
        return Point(self.x + dx, self.y + dy, label=self.label)


def tick():
    return "tick"


async def twice(x):
    await asyncio.sleep(0.01)
    return x * 2


async def main():
    nums = [1, 2]
    print(add(*nums))
    print(add(*nums, 3))
    print(add(5, *[6]))
    print(add(*nums, c=100))
    more = [7, 8, 9]
    print(add(*more))
    kw = {"b": 4, "c": 5}
    print(add(1, **kw))
    show(*more)
    show(1, *nums, 3, sep="+", **{"z": 1, "a": 2})
    opts = {"sep": "/", "mode": "fast"}
    show("x", **opts)
    rows = [(1, 2), (3,), (4, 5)]
    for r in rows:
        print(Point(*r))
    named = [{"x": 1, "label": "a"}, {"x": 2, "y": 3}]
    for d in named:
        print(Point(**d))
    p = Point(1, 1)
    args = [2, 3]
    print(await p.moved(*args))
    print(await p.moved(*[await twice(5)]))
    none = [n for n in nums if n > 5]
    print(tick(*none), tick(**{}))
    try:
        tick(*nums)
    except TypeError as e:
        print("TypeError:", e)
    f = lambda *a, **k: (len(a), sorted(k))
    print(f(*more, **kw))
    try:
        print("too many", add(*more, 4))
    except TypeError as e:
        print("too many", "TypeError:", e)
    try:
        print("missing", add(*[1]))
    except TypeError as e:
        print("missing", "TypeError:", e)
    try:
        print("dup", add(*nums, **{"a": 3}))
    except TypeError as e:
        print("dup", "TypeError:", e)
    try:
        print("unexpected", add(*nums, **{"d": 3}))
    except TypeError as e:
        print("unexpected", "TypeError:", e)
    try:
        print("kwonly", Point(*[1, 2, 3]))
    except TypeError as e:
        print("kwonly", "TypeError:", e)
    try:
        print("kwonly ok", Point(*[1, 2], **{"label": "q"}))
    except TypeError as e:
        print("kwonly ok", "TypeError:", e)
    try:
        print("not iterable", add(*5))
    except TypeError as e:
        print("not iterable", "TypeError:", e)
    try:
        print("not mapping", add(1, 2, **nums))
    except TypeError as e:
        print("not mapping", "TypeError:", e)
    try:
        print("dup kw", add(1, b=2, **{"b": 3}))
    except TypeError as e:
        print("dup kw", "TypeError:", e)

asyncio.run(main())
