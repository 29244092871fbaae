# event: WAITERS tasks wait on one asyncio.Event, set() releases them all;
# ROUNDS times, each round with a fresh event.
import asyncio

WAITERS: int = 1000
ROUNDS: int = 100

woken = 0


async def waiter(ev: asyncio.Event) -> None:
    global woken
    await ev.wait()
    woken += 1


async def main() -> None:
    for _ in range(ROUNDS):
        ev = asyncio.Event()
        ts = [asyncio.create_task(waiter(ev)) for _ in range(WAITERS)]
        await asyncio.sleep(0)
        ev.set()
        await asyncio.gather(*ts)
    print(woken)


asyncio.run(main())
