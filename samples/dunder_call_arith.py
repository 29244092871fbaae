# __call__ and arithmetic dunders (__add__, __sub__, __mul__, __neg__, __radd__) on a Vector class.
import asyncio


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __radd__(self, other):
        return self if other == 0 else self + other

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"


class Mover:
    def __init__(self, velocity):
        self.velocity = velocity
        self.calls = 0

    def __call__(self, pos, dt):
        self.calls += 1
        return pos + self.velocity * dt


async def simulate(name, mover, steps):
    pos = Vec(0, 0)
    for _ in range(steps):
        await asyncio.sleep(0.5)
        pos = mover(pos, 0.5)
    print(name, pos, "calls", mover.calls)
    return pos


async def main():
    a, b = await asyncio.gather(simulate("a", Mover(Vec(2, 0)), 3), simulate("b", Mover(Vec(-1, 4)), 2))
    print(a + b, a - b, -a, sum([a, b, Vec(1, 1)]), callable(Mover), callable(a))


asyncio.run(main())
