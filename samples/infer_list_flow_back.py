# Lists are typed by where they end up: an empty list returned by one function,
# filled by another, nested lists filled after an await (allocation sites widen).
import asyncio


def make():
    return []


def fill(xs, n):
    for i in range(n):
        xs.append(i * 1.5)


def total(xs):
    return sum(xs)


async def rows(n):
    await asyncio.sleep(0.01)
    out = []
    for i in range(n):
        out.append([])
    return out


async def main():
    data = make()
    fill(data, 3)
    print(total(data), data)
    grid = await rows(2)
    grid[0].append("a")
    grid[1].extend(["b", "c"])
    print(grid)
    nested = [make(), [2.5]]
    nested[0].append(1.0)
    print(nested)


asyncio.run(main())
