# Nested dicts filled by tasks, memoisation in a global dict, awaits inside
# dict/set displays and comprehensions, dicts as parameters and results.
import asyncio

sales: dict[str, dict[str, list[int]]] = {}
cache: dict[int, int] = {}


async def record(region: str, month: str, amounts: list[int], delay: float) -> None:
    for a in amounts:
        await asyncio.sleep(delay)
        sales.setdefault(region, {}).setdefault(month, []).append(a)


async def fib(n: int) -> int:
    if n in cache:
        return cache[n]
    await asyncio.sleep(0)
    r = n if n < 2 else await fib(n - 1) + await fib(n - 2)
    cache[n] = r
    return r


async def double(x: int) -> int:
    await asyncio.sleep(0.01)
    return 2 * x


def count(words: list[str]) -> dict[str, int]:
    c: dict[str, int] = {}
    for w in words:
        c[w] = c.get(w, 0) + 1
    return c


async def main() -> None:
    await asyncio.gather(record("north", "jan", [10, 20], 0.1), record("north", "feb", [5], 0.12),
                         record("south", "jan", [7, 7, 7], 0.05))
    print(sales)
    totals = {r: {m: sum(v) for m, v in months.items()} for r, months in sales.items()}
    print(totals)
    per_region = {r: sum(ms.values()) for r, ms in totals.items()}
    print(per_region)
    mlist = sorted({m for ms in totals.values() for m in ms})
    print(mlist)
    print(await fib(30), len(cache))
    d = {"a": await double(1), "b": await double(2)}
    print(d)
    e = {k: await double(v) for k, v in d.items()}
    print(e)
    s = {await double(i) for i in range(5)}
    print(s)
    c = count("a b a c b a".split())
    print(c, c == {"a": 3, "b": 2, "c": 1}, max(c, key=len))
    objs: list[object] = [{"k": 1}, {1, 2}, frozenset({3})]
    print(objs, objs[0] == {"k": 1})
    t = {(1, "a"): [1], (2, "b"): []}
    print(t[(1, "a")], t)
    for i, (kk, vv) in enumerate(sorted(c.items())):
        print(i, kk, vv)
    words = {"x", "y"}
    print(len(words), "x" in words, sorted(words))
    st: set[float] = {1.5, 2.0, 0.25}
    print(st, {True, False, 1, 0})
    big = {i: i * i for i in range(1000)}
    for i in range(0, 1000, 3):
        del big[i]
    print(len(big), sum(big), list(big)[:5])


asyncio.run(main())
