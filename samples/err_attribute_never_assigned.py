# Runtime error: reading an attribute that is only assigned on one path -> AttributeError with CPython's message.
import asyncio


class Sensor:
    def __init__(self, name, calibrate=False):
        self.name = name
        if calibrate:
            self.offset = 0.5

    async def read(self, raw):
        await asyncio.sleep(0.1)
        return raw + self.offset


async def main():
    good = Sensor("s1", calibrate=True)
    print(good.name, await good.read(10))
    bad = Sensor("s2")
    print(bad.name, "created")
    print(await bad.read(10))


asyncio.run(main())
