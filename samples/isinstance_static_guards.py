# isinstance() guards in dunders called with other types: each specialisation compiles only the branch that runs.
import asyncio


class Celsius:
    def __init__(self, deg):
        self.deg = deg

    def __eq__(self, other):
        if not isinstance(other, Celsius):
            return False
        return self.deg == other.deg

    def __add__(self, other):
        other = other if isinstance(other, Celsius) else Celsius(other)
        return Celsius(self.deg + other.deg)

    def __lt__(self, other):
        return isinstance(other, Celsius) and self.deg < other.deg

    def __repr__(self):
        return f"{self.deg}C"


class Warm(Celsius):
    def glow(self):
        return isinstance(self, Celsius), callable(self), callable(Warm)


async def reading(deg, delay):
    await asyncio.sleep(delay)
    return Celsius(deg)


async def main():
    a, b = await asyncio.gather(reading(20, 0.2), reading(20.5, 0.1))
    print(a == b, a == Celsius(20), a == 20, a == "20C", a + 5, a + b, a + 1.5)
    print(a < b, b < a, a < 30, sorted([b, a, Celsius(3)]))
    print(Warm(1).glow(), isinstance(a, Warm), isinstance(Warm(2), Celsius))


asyncio.run(main())
