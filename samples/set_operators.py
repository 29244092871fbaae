# | & - ^ and their in-place forms, the named methods, ==, <=, <, >=, >.
import asyncio


async def main() -> None:
    a = {1, 2, 3, 4, 5, 40, 72}
    b = {4, 5, 6, 7, 8, 9, 40}
    print(a | b)
    print(a & b)
    print(a - b, b - a)
    print(a ^ b)
    print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
    print(a.union([100, 1]), a.issubset(a | b), a.issuperset({1, 2}), a.isdisjoint({99}))
    print(a == {72, 40, 5, 4, 3, 2, 1}, a != b, {1} <= a, {1} < a, a < a, a <= a, a > {1}, a >= b)
    c = a
    c |= {1000}
    print(a)
    c &= {1, 2, 1000, 9}
    print(a)
    c -= {2}
    print(a)
    c ^= {1, 77}
    print(a, c)
    c.update([3, 4])
    print(c)
    await asyncio.sleep(0)


asyncio.run(main())
