# Runtime error: an uncaught custom exception raised from another: both printed, joined by the "direct cause" line.
import asyncio


class StorageError(Exception):
    def __init__(self, path, op):
        super().__init__(f"{op} failed for {path}")
        self.path = path
        self.op = op


async def write(path, data):
    await asyncio.sleep(0.01)
    try:
        return len(data) // (len(path) - len(path))
    except ZeroDivisionError as e:
        raise StorageError(path, "write") from e


async def main():
    try:
        await write("/tmp/a", "xyz")
    except StorageError as e:
        print("caught", e.path, e.op, repr(e.__cause__))
    await write("/tmp/b", "data")


asyncio.run(main())
