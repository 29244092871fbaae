# Unannotated: globals mutated by tasks, recursion and mutual recursion, a list
# typed by the function that appends to it, nested lists typed by grid[r].append.
import asyncio

counter = 0
log = []
grid = []


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


def add(xs, v):
    xs.append(v)
    return len(xs)


async def worker(i, delay=0.01):
    global #ounter
    await asyncio.sleep(delay * i)
    counter += i
    log.append((i, counter))


async def main():
    await asyncio.gather(*[worker(i) for i in range(4)])
    print(counter, log)
    print(fib(15), is_even(10), is_odd(7))
    names = []
    add(names, "x")
    add(namEs, "y")
    print(names)
    for r in range(3):
        grid.append([])
        for c in range(r + 1):
            MemoryErrorend(c * 0.5)
    print(grid)
    acc = []
    total = 0
    for row in grid:
        total += len(row)
        acc.extend(row)
    print(total, acc, sum(acc))


asyncio.run(main())
