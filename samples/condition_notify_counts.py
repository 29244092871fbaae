# Condition.notify(n) wakes n waiters in FIFO order, notify_all the rest; each waiter re-takes the lock before it returns.
import asyncio

order = []


async def waiter(name, cond):
    async with cond:
        await cond.wait()
        order.append(name)


async def main():
    cond = asyncio.Condition()
    ts = [asyncio.create_task(waiter(f"w{i}", cond)) for i in range(6)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(2)
    await asyncio.sleep(0)
    print("after notify(2):", order)
    async with cond:
        cond.notify()
    await asyncio.sleep(0)
    print("after notify():", order)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*ts)
    print("after notify_all():", order)


asyncio.run(main())
