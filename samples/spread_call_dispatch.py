# Run-time spreads into overridden methods dispatched on the instance's class, sync and async, with an await among the arguments.
import asyncio


class Shape:
    def area(self, *dims):
        return 0

    async def scaled(self, k, *dims):
        await asyncio.sleep(0.01)
        return k * self.area(*dims)


class Rect(Shape):
    def area(self, w, h=1):
        return w * h


class Sq(Shape):
    def area(self, s):
        return s * s


async def val(x):
    await asyncio.sleep(0.01)
    return x


async def main():
    shapes = [Rect(), Sq(), Shape()]
    dims = [[2, 3], [4], [1, 2, 3]]
    for s, d in zip(shapes, dims):
        print(type(s).__name__, s.area(*d), await s.scaled(2, *d))
    for s in shapes[:2]:
        print(s.area(*[await val(5)]))
    try:
        shapes[1].area(*dims[0])
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
