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
    print("the list is still whole:", len(tasks), [t.done() for t in tasks])
    more: list[asyncio.Task[int]] = [asyncio.create_task(f(i)) for i in range(4, 6)]
    r4: list[int] = await asyncio.gather(*more, *[f(9)], *more)
    print("two stars", r4, len(more))
    r3: list[int] = await asyncio.gather(f(10), *[f(j) for j in [7, 8]], f(11))
    print("mixed", r3)


asyncio.run(main())
