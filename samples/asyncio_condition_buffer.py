# A bounded buffer on asyncio.Condition: producers wait while it is full,
# consumers while it is empty; notify_all wakes every waiter, which then
# re-acquires the lock in turn.
import asyncio

items: list[str] = []
max_seen = 0


async def put(cond: asyncio.Condition, item: str, size: int) -> None:
    global max_seen
    async with cond:
        while len(items) >= size:
            await cond.wait()
        items.append(item)
        max_seen = max(max_seen, len(items))
        cond.notify_all()


async def get(cond: asyncio.Condition) -> str:
    async with cond:
        while not items:
            await cond.wait()
        item = items.pop(0)
        cond.notify_all()
        return item


async def producer(cond: asyncio.Condition, name: str, n: int) -> None:
    for i in range(n):
        await put(cond, f"{name}{i}", 2)
        print(name, "put", i)
        await asyncio.sleep(0.01)


async def consumer(cond: asyncio.Condition, name: str, n: int) -> list[str]:
    got: list[str] = []
    for _ in range(n):
        got.append(await get(cond))
        print(name, "got", got[-1])
        await asyncio.sleep(0.025)
    return got


async def waiter(cond: asyncio.Condition, name: str) -> None:
    async with cond:
        try:
            await cond.wait()
            print(name, "notified")
        except asyncio.CancelledError:
            print(name, "cancelled; holds the lock again:", cond.locked())
            raise


async def main() -> None:
    cond = asyncio.Condition()
    prod = [asyncio.create_task(producer(cond, "p", 4)), asyncio.create_task(producer(cond, "q", 3))]
    res = await asyncio.gather(consumer(cond, "c1", 4), consumer(cond, "c2", 3))
    await asyncio.gather(*prod)
    print(res[0], res[1], "max buffered", max_seen)

    ws = [asyncio.create_task(waiter(cond, f"w{i}")) for i in range(3)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(1)
    ws[2].cancel()
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    r = await asyncio.gather(*ws, return_exceptions=True)
    print(["cancelled" if isinstance(x, asyncio.CancelledError) else x for x in r], cond.locked())
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)
    lock = asyncio.Lock()
    shared = asyncio.Condition(lock)
    async with shared:
        print("shared lock held:", lock.locked())


asyncio.run(main())
