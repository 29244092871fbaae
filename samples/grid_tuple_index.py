# A Grid class indexed with tuples (g[r, c]) through __getitem__/__setitem__, iterated by rows, painted by tasks.
import asyncio


class Grid:
    def __init__(self, rows, cols, fill="."):
        self.rows, self.cols = rows, cols
        self.cells = [[fill] * cols for _ in range(rows)]

    def __getitem__(self, pos):
        r, c = pos
        return self.cells[r][c]

    def __setitem__(self, pos, value):
        r, c = pos
        if not (0 <= r < self.rows and 0 <= c < self.cols):
            raise IndexError(f"{pos} outside {self.rows}x{self.cols}")
        self.cells[r][c] = value

    def __iter__(self):
        return iter(self.cells)

    def __str__(self):
        return "\n".join("".join(row) for row in self)


async def walk(g, mark, start, step, n):
    r, c = start
    for _ in range(n):
        await asyncio.sleep(0.1)
        g[r, c] = mark
        r, c = r + step[0], c + step[1]


async def main():
    g = Grid(4, 6)
    await asyncio.gather(walk(g, "a", (0, 0), (1, 1), 4), walk(g, "b", (3, 0), (0, 1), 6))
    print(g)
    print(g[3, 3], g[0, 5], sum(row.count("b") for row in g))
    try:
        g[4, 0] = "x"
    except IndexError as e:
        print("IndexError:", e)


asyncio.run(main())
