# dict comprehensions, dict() from pairs and from a dict, nested dicts.
import asyncio


async def square(n: int) -> int:
    await asyncio.sleep(0.01)
    return n * n


async def main() -> None:
    squares = {n: n * n for n in range(6)}
    print(squares)
    evens = {k: v for k, v in squares.items() if k % 2 == 0}
    print(evens)
    words = ["alpha", "beta", "gamma", "delta"]
    lengths = {w: len(w) for w in words}
    print(lengths)
    by_len = {len(w): w for w in words}      # later words win
    print(by_len)
    pairs = dict(zip(words, range(4)))
    print(pairs, dict(pairs) == pairs)
    results = await asyncio.gather(*[square(n) for n in range(4)])
    table = {n: r for n, r in enumerate(results)}
    print(table)
    grid = {(x, y): x * 10 + y for x in range(2) for y in range(3)}
    print(grid, grid[(1, 2)])
    inverted = {v: k for k, v in lengths.items()}
    print(inverted)


asyncio.run(main())
