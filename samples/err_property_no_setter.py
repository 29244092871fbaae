# Runtime error: assigning to a read-only property -> AttributeError: property 'area' of 'Rect' object has no setter.
import asyncio


class Rect:
    def __init__(self, w, h):
        self.w = w
        self.h = h

    @property
    def area(self):
        return self.w * self.h


async def resize(r, factor):
    await asyncio.sleep(0.1)
    r.w *= factor
    return r.area


async def main():
    r = Rect(2, 3)
    print(r.area, await resize(r, 2), r.w)
    r.area = 100
    print("not reached")


asyncio.run(main())
