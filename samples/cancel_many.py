# Cancelling every other task of twenty: the survivors finish, the cancelled
# ones report in their handler; a tally shows each ended exactly once.
import asyncio

ended: list[int] = []


async def worker(i: int) -> int:
    try:
        await asyncio.sleep(0.1 * (i % 4 + 1))
        return i
    except asyncio.CancelledError:
        ended.append(-i)
        raise
    finally:
        ended.append(i)


async def main() -> None:
    ts: list[asyncio.Task[int]] = [asyncio.create_task(worker(i)) for i in range(20)]
    await asyncio.sleep(0.15)
    for i in range(0, 20, 2):
        ts[i].cancel()
    got: int = 0
    cancelled: int = 0
    for t in ts:
        try:
            got += await t
        except asyncio.CancelledError:
            cancelled += 1
    print("sum of results", got, "cancelled", cancelled)
    print("end order", ended)
    print("ended count", len(ended))


asyncio.run(main())
