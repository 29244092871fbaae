# A class hierarchy with async methods used from several tasks: overriding, super(), dynamic dispatch.
import asyncio


class Device:
    def __init__(self, name, latency=0.1):
        self.name = name
        self.latency = latency
        self.reads = 0

    async def read(self):
        await asyncio.sleep(self.latency)
        self.reads += 1
        return self.value()

    def value(self):
        return 0

    def describe(self):
        return f"{type(self).__name__}({self.name}, reads={self.reads})"


class Thermometer(Device):
    def __init__(self, name, base):
        super().__init__(name, 0.2)
        self.base = base

    def value(self):
        return self.base + self.reads * 0.5


class Counter(Device):
    def value(self):
        return self.reads * 10

    async def read(self):
        v = await super().read()
        print("  counter", self.name, "read", v)
        return v


async def poll(dev, times):
    out = []
    for _ in range(times):
        out.append(await dev.read())
    return out


async def main():
    devices = [Thermometer("t1", 20.0), Counter("c1"), Device("d1", 0.15)]
    results = await asyncio.gather(*[poll(d, 3) for d in devices])
    for d, r in zip(devices, results):
        print(d.describe(), r)
    print(isinstance(devices[0], Device), issubclass(Counter, Thermometer))


asyncio.run(main())
