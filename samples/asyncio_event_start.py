# asyncio.Event as a start signal: waiters are released in the order they
# began waiting, one loop round after set(); clear() makes later waits block.
import asyncio

order: list[int] = []


async def waiter(ev: asyncio.Event, n: int) -> int:
    print("waiter", n, "waiting, set:", ev.is_set())
    ok = await ev.wait()
    order.append(n)
    print("waiter", n, "released", ok)
    return n * 10


async def starter(ev: asyncio.Event, delay: float) -> None:
    await asyncio.sleep(delay)
    print("setting event")
    ev.set()
    print("set returned; nobody ran yet:", order)


async def late(ev: asyncio.Event) -> None:
    await ev.wait()
    print("late waiter passes at once")


async def main() -> None:
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(ev, i)) for i in range(3)]
    await starter(ev, 0.5)
    print(await asyncio.gather(*tasks))
    await late(ev)
    ev.clear()
    t = asyncio.create_task(late(ev))
    await asyncio.sleep(0.1)
    print("after clear, done:", t.done())
    ev.set()
    await t
    print("order", order, "is_set", ev.is_set())


asyncio.run(main())
