# Three-level inheritance with super() chains, abstract-style methods raising NotImplementedError, polymorphic area().
import asyncio


class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    def area(self):
        raise NotImplementedError(type(self).__name__ + ".area")

    def __str__(self):
        return f"{self.name} with area {self.area():.2f}"


class Rect(Shape):
    def __init__(self, w, h, name="rect"):
        super().__init__(name)
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side, "square")


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    def area(self):
        return 3.14159 * self.r ** 2


async def measure(shape):
    await asyncio.sleep(0.01)
    return shape.area()


async def main():
    shapes = [Rect(2, 3), Square(4), Circle(1), Shape("blob")]
    for s in shapes[:3]:
        print(s)
    res = await asyncio.gather(*[measure(s) for s in shapes], return_exceptions=True)
    print(res)
    print([type(s).__name__ for s in shapes if isinstance(s, Rect)], Shape.count)
    print(Square.__mro__[1].__name__, isinstance(shapes[1], Shape), type(shapes[1]) is Rect)


asyncio.run(main())
