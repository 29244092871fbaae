# set comprehensions, frozenset, KeyError from remove and pop, sets of
# tuples printed in CPython's order.
import asyncio


async def main() -> None:
    squares = {x * x for x in range(-5, 6)}
    print(squares)
    odd = {x for x in squares if x % 2}
    print(odd)
    f = frozenset([3, 1, 2, 3])
    print(f, len(f), 2 in f, f | frozenset({9}), f & {1, 5})
    print(frozenset(), frozenset(squares) == frozenset(squares))
    moves = {(x, y) for x in range(3) for y in range(3) if x != y}
    print(moves)
    seen: set[int] = set()
    for n in [3, 1, 3, 2, 1]:
        if n in seen:
            print("again", n)
        seen.add(n)
    print(seen)
    try:
        seen.remove(42)
    except KeyError as e:
        print("KeyError", e)
    empty: set[str] = set()
    try:
        empty.pop()
    except KeyError as e:
        print("KeyError", e)
    seen.remove(7)
    await asyncio.sleep(0)


asyncio.run(main())
