# asyncio.Event as a start signal for several waiting tasks; the setter runs after a delay.
import asyncio

order = []


async def waiter(ev, id):
    print("waiter", id, "waiting")
    await ev.wait()
    order.append(id)
    print("waiter", id, "released")


async def starter(ev, delay=0.5):
    await asyncio.sleep(delay)
    print("setting event")
    ev.set()


async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(ev, i)) for i in range(3)]
    await starter(ev)
    await asyncio.gather(*tasks)
    print("order", order, "is_set", ev.is_set())


asyncio.run(main())
