import asyncio


class Temperature:
    unit = "C"
    made = 0

    def __init__(self, degrees):
        self.degrees = degrees
        Temperature.made += 1

    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32

    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)

    @property
    def fahrenheit(self):
        return Temperature.c_to_f(self.degrees)

    @fahrenheit.setter
    def fahrenheit(self, f):
        self.degrees = (f - 32) * 5 / 9

    def __str__(self):
        return f"{self.degrees:.1f}{Temperature.unit}"


class Plain:
    def __init__(self, tag):
        self.tag = tag


async def read_sensor(i):
    await asyncio.sleep(0.01 * i)
    return Temperature.from_f(50.0 + 10 * i)


async def main():
    temps = await asyncio.gather(*[read_sensor(i) for i in range(3)])
    print([str(t) for t in temps], Temperature.made)
    t = temps[0]
    print(t.fahrenheit, Temperature.c_to_f(100), t.c_to_f(0))
    t.fahrenheit = 212
    print(t, t.degrees)
    Temperature.unit = "deg C"
    print(t, temps[1])
    p = Plain("x")
    text = repr(p)
    print(text.startswith("<__main__.Plain object at 0x"), text.endswith(">"), str(p) == text, p.tag)
    q = p
    print(q is p, p == q, Plain("x") == p, [p] == [q])


asyncio.run(main())
