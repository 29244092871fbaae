# asyncio.Lock taken free (no wait) and under contention: `async with` order, locked(), and a waiter that arrives while the lock is free but others wait.
import asyncio

log = []


async def user(name, lock, hold):
    async with lock:
        log.append(f"{name} in (locked={lock.locked()})")
        if hold:
            await asyncio.sleep(hold)
        log.append(f"{name} out")


async def late(name, lock):
    await asyncio.sleep(0)
    got = await lock.acquire()
    log.append(f"{name} acquired {got}")
    lock.release()


async def main():
    lock = asyncio.Lock()
    for i in range(3):  # uncontended: each takes the free lock at once
        await user(f"solo{i}", lock, 0)
    print("free again:", not lock.locked())
    tasks = [asyncio.create_task(user(f"t{i}", lock, 0.01 * (3 - i))) for i in range(3)]
    tasks.append(asyncio.create_task(late("late", lock)))
    await asyncio.gather(*tasks)
    for line in log:
        print(line)
    print("locked at the end:", lock.locked())


asyncio.run(main())
