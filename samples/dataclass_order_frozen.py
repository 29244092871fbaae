# @dataclass(order=True) sorting and frozen=True instances as dict keys; FrozenInstanceError on assignment.
import asyncio
from dataclasses import dataclass, FrozenInstanceError


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0

    def __str__(self):
        return f"{self.major}.{self.minor}.{self.patch}"


@dataclass(frozen=True)
class Point:
    x: int
    y: int


async def release(v, delay):
    await asyncio.sleep(delay)
    return v


async def main():
    vs = await asyncio.gather(release(Version(1, 2), 0.3), release(Version(1, 0, 5), 0.1),
                              release(Version(0, 9), 0.2), release(Version(1, 2, 1), 0.0))
    print([str(v) for v in sorted(vs)])
    print(max(vs), Version(1) < Version(1, 0, 1), Version(2) >= Version(1, 9, 9))
    grid = {Point(0, 0): "origin", Point(1, 2): "a"}
    grid[Point(1, 2)] = "b"
    print(grid, len(grid), Point(0, 0) in grid)
    try:
        Point(1, 1).x = 5
    except FrozenInstanceError as e:
        print("frozen:", e)


asyncio.run(main())
