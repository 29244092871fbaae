# Runtime error: an async method called with *args from a list that is one too long -> TypeError from the binding.
import asyncio


class Mixer:
    def __init__(self):
        self.total = 0

    async def add(self, a, b=0):
        await asyncio.sleep(0.01)
        self.total += a + b
        return self.total


async def main():
    m = Mixer()
    batches = [[1], [2, 3], [4, 5, 6]]
    for batch in batches:
        print("adding", batch, "->", await m.add(*batch))


asyncio.run(main())
