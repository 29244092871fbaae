# Tuple keys: grid[x, y] is grid[(x, y)]; cells painted by tasks.
import asyncio


async def paint(cells: dict[tuple[int, int], str], mark: str, coords: list[tuple[int, int]]) -> None:
    for x, y in coords:
        await asyncio.sleep(0.01)
        cells[x, y] = mark


async def main() -> None:
    cells: dict[tuple[int, int], str] = {}
    await asyncio.gather(paint(cells, "#", [(0, 0), (1, 1), (2, 2)]), paint(cells, "o", [(0, 2), (1, 1)]))
    print(cells)
    for y in range(3):
        print("".join(cells.get((x, y), ".") for x in range(3)))
    print(cells[1, 1], (2, 2) in cells, cells.pop((0, 0)), len(cells))
    counts: dict[tuple[str, int], int] = {}
    for w in ["a", "bb", "a", "cc"]:
        counts[w, len(w)] = counts.get((w, len(w)), 0) + 1
    print(counts)
    try:
        print(cells[5, 5])
    except KeyError as e:
        print("KeyError", e)


asyncio.run(main())
