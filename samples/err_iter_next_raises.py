# Runtime error: an iterator's __next__ raises something other than StopIteration inside an async for loop.
import asyncio


class Reader:
    def __init__(self, lines):
        self.lines = lines
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.i == len(self.lines):
            raise StopIteration
        line = self.lines[self.i]
        self.i += 1
        if not line:
            raise ValueError(f"empty line {self.i}")
        return line


async def main():
    for line in Reader(["a", "b"]):
        await asyncio.sleep(0.01)
        print("read", line)
    for line in Reader(["x", "", "y"]):
        await asyncio.sleep(0.01)
        print("read", line)


asyncio.run(main())
