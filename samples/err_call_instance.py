# Runtime error: calling an instance whose class has no __call__ -> 'Timer' object is not callable.
import asyncio


class Timer:
    def __init__(self, seconds):
        self.seconds = seconds

    async def wait(self):
        await asyncio.sleep(self.seconds)
        return self.seconds


async def main():
    t = Timer(0.01)
    print("waited", await t.wait())
    print(t())


asyncio.run(main())
