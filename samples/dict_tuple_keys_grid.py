# A dict keyed by (row, col) tuples: a grid filled by tasks, neighbours counted, printed row by row.
import asyncio

grid = {}


async def paint(cells, mark, delay):
    for r, c in cells:
        await asyncio.sleep(delay)
        grid[(r, c)] = mark


def neighbours(r, c):
    return sum(1 for dr in (-1, 0, 1) for dc in (-1, 0, 1)
               if (dr or dc) and (r + dr, c + dc) in grid)


async def main():
    await asyncio.gather(paint([(0, 0), (0, 1), (1, 1)], "#", 0.1),
                         paint([(2, 2), (1, 2), (0, 1)], "o", 0.15))
    print(grid)
    for r in range(3):
        print("".join(grid.get((r, c), ".") for c in range(3)))
    print({cell: neighbours(*cell) for cell in sorted(grid)})
    print((1, 1) in grid, grid.get((5, 5)), max(grid), min(grid.values()))


asyncio.run(main())
