# gather(*[f(i) for i in range(n)]) and gather over a list of tasks, mixed
# with ordinary positional arguments.
import asyncio


async def f(i: int) -> int:
    await asyncio.sleep(0.05 * (i % 3))
    print("f", i)
    return i * i


async def main() -> None:
    n: int = 6
    r1: list[int] = await asyncio.gather(*[f(i) for i in range(n)])
    print("comprehension", r1)
    tasks: list[asyncio.Task[int]] = [asyncio.create_task(f(i)) for i in range(3)]
    r2: list[int] = await asyncio.gather(*tasks)
    print("tasks", r2)
    r3: list[int] = await asyncio.gather(f(10), *[f(j) for j in [7, 8]], f(11))
    print("mixed", r3)


asyncio.run(main())
