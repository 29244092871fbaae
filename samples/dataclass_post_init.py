# @dataclass with __post_init__ computing a derived field (field(init=False)), repr=False, and asdict-free printing.
import asyncio
from dataclasses import dataclass, field


@dataclass
class Reading:
    sensor: str
    values: list = field(default_factory=list)
    mean: float = field(init=False, default=0.0)
    note: str = field(default="", repr=False)

    def __post_init__(self):
        self.refresh()

    def refresh(self):
        self.mean = round(sum(self.values) / len(self.values), 2) if self.values else 0.0


async def sample(r, new, delay):
    for v in new:
        await asyncio.sleep(delay)
        r.values.append(v)
        r.refresh()
    return r


async def main():
    a = Reading("a", [1, 2])
    b = Reading("b", note="spare")
    print(a, b)
    await asyncio.gather(sample(a, [3, 4], 0.1), sample(b, [10, 11, 15], 0.05))
    print(a)
    print(b, repr(b.note))
    print(a == Reading("a", [1, 2, 3, 4]), sorted([b.mean, a.mean]))


asyncio.run(main())
