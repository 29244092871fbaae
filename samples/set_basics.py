# set literals, set(), set(list), add/discard/remove/pop/clear/copy, in,
# len, iteration, and printing in CPython's order for ints.
import asyncio


async def main() -> None:
    s = {5, 3, 9, 1}
    print(s, len(s), 3 in s, 4 in s, 4 not in s)
    s.add(100)
    s.add(3)
    s.discard(9)
    s.discard(42)
    print(s)
    s.remove(5)
    print(s, sorted(s))
    t = set([10, 20, 10, 30, -1, -2, 64, 1000000])
    print(t)
    for x in t:
        print(x, end=" ")
    print()
    popped = [t.pop(), t.pop()]
    print(popped, t)
    u = t.copy()
    u.add(7)
    print(t, u)
    t.clear()
    print(t, set(), len(t), bool(t), bool(u))
    letters = set("hello")
    print(len(letters), sorted(letters))
    pairs = {(1, 2), (2, 1), (0, 0), (5, 5)}
    print(pairs)
    big = set(range(0, 200, 7))
    print(big)
    await asyncio.sleep(0)


asyncio.run(main())
