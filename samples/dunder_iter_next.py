# A class implementing the iterator protocol (__iter__ returning self, __next__ raising StopIteration).
import asyncio


class Countdown:
    def __init__(self, start, step=1):
        self.current = start
        self.step = step

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        value = self.current
        self.current -= self.step
        return value


async def launch(name, start, step):
    for n in Countdown(start, step):
        await asyncio.sleep(0.1)
        print(name, n)
    print(name, "go")
    return name


async def main():
    print(list(Countdown(5, 2)), sum(Countdown(4)))
    it = Countdown(2)
    print(next(it), next(it), next(it, "done"))
    print(await asyncio.gather(launch("A", 3, 1), launch("B", 4, 2)))


asyncio.run(main())
