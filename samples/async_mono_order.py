# asyncc: clock=monotonic
# Real clock: tasks sleeping 10-50 ms wake in deadline order. The deadlines
# are far enough apart that only the order matters, never the exact time.
import asyncio


async def nap(name: str, ms: int) -> int:
    await asyncio.sleep(ms / 1000)
    print("woke", name, ms)
    return ms


async def main() -> None:
    ts: list[asyncio.Task[int]] = []
    for name, ms in [("c", 50), ("a", 10), ("d", 40), ("b", 25)]:
        ts.append(asyncio.create_task(nap(name, ms)))
    print("all started")
    total: int = 0
    for t in ts:
        total += await t
    print("total ms", total)


asyncio.run(main())
