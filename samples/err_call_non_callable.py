# Runtime error: a name shadowed by an int is then called -> TypeError: 'int' object is not callable.
import asyncio


class Meter:
    def __init__(self):
        self.total = 0

    def count(self, n):
        self.total += n
        return self.total


async def main():
    m = Meter()
    for n in (1, 2, 3):
        await asyncio.sleep(0.01)
        print("count ->", m.count(n))
    m.count = m.total
    print("replaced method with", m.count)
    print(m.count(4))


asyncio.run(main())
