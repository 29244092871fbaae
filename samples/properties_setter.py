# @property getter and setter with validation, a read-only computed property, used across awaits.
import asyncio


class Thermostat:
    def __init__(self, target):
        self._target = 0.0
        self.target = target
        self.current = 15.0

    @property
    def target(self):
        return self._target

    @target.setter
    def target(self, value):
        if not 5 <= value <= 30:
            raise ValueError(f"target {value} out of range")
        self._target = float(value)

    @property
    def heating(self):
        return self.current < self.target

    async def run(self, minutes):
        for m in range(minutes):
            await asyncio.sleep(60)
            self.current += 1.5 if self.heating else -0.5
            print(f"min {m}: {self.current:.1f} heating={self.heating}")


async def main():
    t = Thermostat(18)
    print(t.target, t.heating)
    await t.run(3)
    t.target = 16.5
    await t.run(2)
    try:
        t.target = 40
    except ValueError as e:
        print("rejected:", e)
    print(t.target, t.current)


asyncio.run(main())
