# Unions in coroutines: locals that live across awaits, parameters of
# specialised coroutines, values passed between tasks.
import asyncio


async def sample(name, raw):
    value = raw
    await asyncio.sleep(0.01)
    if value is None:
        value = 0
    value = value * 2
    await asyncio.sleep(0.01)
    print(name, value)
    return value


async def accumulate(n):
    acc = 0
    peak = None
    for i in range(n):
        acc = acc + (0.5 if i % 2 else 1)
        await asyncio.sleep(0)
        if peak is None or acc > peak:
            peak = acc
    print("acc", acc, "peak", peak)
    return acc


async def main():
    results = await asyncio.gather(sample("a", 3), sample("b", 1.25), sample("c", None))
    print(results)
    total = await accumulate(5)
    print(total, total > 3)
    t = asyncio.create_task(accumulate(2))
    print(await t)


asyncio.run(main())
