# Runtime error: len() of an instance without __len__, raised inside a task after an await and caught by the caller.
import asyncio


class Batch:
    def __init__(self, rows):
        self.rows = rows


async def count(b):
    await asyncio.sleep(0.01)
    return len(b)


async def main():
    b = Batch([1, 2, 3])
    print("rows", len(b.rows))
    try:
        print(await count(b))
    except TypeError as e:
        print("caught:", e)
    task = asyncio.create_task(count(b))
    print(await task)


asyncio.run(main())
