# A Fraction-like value class: arithmetic dunders, normalisation, ==/</hash consistent, used as dict keys.
import asyncio


def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)


class Frac:
    def __init__(self, n, d=1):
        if d == 0:
            raise ZeroDivisionError("Frac with zero denominator")
        g = gcd(n, d) * (-1 if d < 0 else 1)
        self.n, self.d = n // g, d // g

    def __add__(self, o):
        o = o if isinstance(o, Frac) else Frac(o)
        return Frac(self.n * o.d + o.n * self.d, self.d * o.d)

    __radd__ = __add__

    def __mul__(self, o):
        return Frac(self.n * o.n, self.d * o.d)

    def __eq__(self, o):
        return isinstance(o, Frac) and (self.n, self.d) == (o.n, o.d)

    def __lt__(self, o):
        return self.n * o.d < o.n * self.d

    def __hash__(self):
        return hash((self.n, self.d))

    def __repr__(self):
        return f"{self.n}/{self.d}" if self.d != 1 else str(self.n)


async def share(total, parts, delay):
    await asyncio.sleep(delay)
    return [total * Frac(1, p) for p in parts]


async def main():
    a, b = await asyncio.gather(share(Frac(3, 4), [2, 3], 0.1), share(Frac(1), [6, 6], 0.2))
    print(a, b, sum(a), sum(b) + Frac(-1, 3))
    print(Frac(2, 4) == Frac(-1, -2), Frac(1, 3) < Frac(1, 2), sorted([Frac(5, 6), Frac(1, 6), Frac(2, 3)]))
    print({Frac(1, 2): "half", Frac(2, 4): "also half"}, Frac(6, -4))
    try:
        Frac(1, 0)
    except ZeroDivisionError as e:
        print("error:", e)


asyncio.run(main())
