# asyncio.Lock: `async with` releases on every way out of the block, and a
# released lock goes to the first waiter before a task that asks again.
import asyncio

balance = 100
log: list[str] = []


async def transfer(lock: asyncio.Lock, name: str, amount: int) -> bool:
    global balance
    async with lock:
        current = balance
        await asyncio.sleep(0.01)
        if current + amount < 0:
            print(name, "refused", amount, "balance", current)
            return False
        balance = current + amount
        print(name, "applied", amount, "balance", balance)
    return True


async def greedy(lock: asyncio.Lock, name: str, rounds: int) -> None:
    for i in range(rounds):
        async with lock:
            log.append(f"{name}{i}")
            await asyncio.sleep(0)
        # asks again at once: must queue behind the woken waiter


async def failing(lock: asyncio.Lock) -> None:
    async with lock:
        print("failing holds the lock:", lock.locked())
        raise ValueError("inside the lock")


async def breaker(lock: asyncio.Lock) -> int:
    n = 0
    while True:
        async with lock:
            n += 1
            if n == 3:
                break
    return n


async def main() -> None:
    lock = asyncio.Lock()
    oks = await asyncio.gather(*[transfer(lock, f"t{i}", a) for i, a in enumerate([50, -120, -80, 30, -70, 10])])
    print("results", oks, "final", balance)
    await asyncio.gather(greedy(lock, "a", 3), greedy(lock, "b", 3), greedy(lock, "c", 2))
    print(log)
    try:
        await failing(lock)
    except ValueError as e:
        print("caught", e, "locked:", lock.locked())
    print("breaker", await breaker(lock), "locked:", lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
