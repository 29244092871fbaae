import asyncio


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    def area(self):
        return 0.0

    def describe(self):
        return f"{self.name}: {self.area():.2f}"


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self):
        return float(self.w * self.h)


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    def area(self):
        return 3.14159 * self.r * self.r

    async def grow(self, by):
        await asyncio.sleep(0.01)
        self.r += by
        return self.r


async def main():
    p = Point(3, 4)
    print(p, p.norm2(), p.x)
    p.x = 10
    print(p)
    shapes = [Rect(2, 3), Circle(1.0), Rect(1, 1)]
    for s in shapes:
        print(s.describe(), s.area())
    c = Circle(2.0)
    r = await c.grow(0.5)
    print(r, c.r, Shape.count)
    print([p, Point(1, 2)])
    print(isinstance(shapes[0], Rect), isinstance(shapes[1], Rect), isinstance(c, Shape))


asyncio.run(main())
