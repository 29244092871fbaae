# Timers with equal deadlines fire in the order they were set; near-ties
# such as 0.1+0.2 vs 0.3 fire in the same round, smaller deadline first.
import asyncio


async def napper(name: str, d: float) -> int:
    await asyncio.sleep(d)
    print("wake", name)
    return 0


async def two_step(name: str) -> int:
    await asyncio.sleep(0.1)
    await asyncio.sleep(0.2)
    print("wake", name, "(0.1 then 0.2)")
    return 0


async def main() -> None:
    ts: list[asyncio.Task[int]] = []
    for i in range(12):
        ts.append(asyncio.create_task(napper(f"t{i}", 1.0)))
    ts.append(asyncio.create_task(two_step("near")))
    ts.append(asyncio.create_task(napper("plain 0.3", 0.3)))
    ts.append(asyncio.create_task(napper("0.30000000000000004", 0.1 + 0.2)))
    for i in range(5, 0, -1):
        ts.append(asyncio.create_task(napper(f"r{i}", i * 0.25)))
    for t in ts:
        await t
    print("all awake")


asyncio.run(main())
