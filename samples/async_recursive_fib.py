# Recursive async functions: fibonacci and a tree walk that sleeps at the
# leaves, racing a second task.
import asyncio


async def fib(n: int) -> int:
    if n < 2:
        await asyncio.sleep(0)
        return n
    a: int = await fib(n - 1)
    b: int = await fib(n - 2)
    return a + b


async def walk(depth: int, path: str) -> int:
    if depth == 0:
        await asyncio.sleep(0.1 * len(path))
        print("leaf", path)
        return 1
    left: int = await walk(depth - 1, path + "L")
    right: int = await walk(depth - 1, path + "R")
    return left + right


async def main() -> None:
    t: asyncio.Task[int] = asyncio.create_task(fib(15))
    for n in range(10):
        print("fib", n, await fib(n))
    print("leaves", await walk(3, ""))
    print("fib 15 task", await t)


asyncio.run(main())
