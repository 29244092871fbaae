# Runtime error: indexing a user object without __getitem__ -> TypeError: 'Row' object is not subscriptable.
import asyncio


class Row:
    def __init__(self, *cells):
        self.cells = list(cells)

    def __len__(self):
        return len(self.cells)


async def load():
    await asyncio.sleep(0.2)
    return [Row(1, "a"), Row(2, "b", True)]


async def main():
    rows = await load()
    print([len(r) for r in rows], rows[1].cells[2])
    print(rows[0][0])


asyncio.run(main())
