# asyncio.Event set/clear cycles: waiters released together, a waiter arriving after set() passes at once, clear() makes new waiters wait again.
import asyncio


async def waiter(name, ev, out):
    r = await ev.wait()
    out.append(f"{name}:{r}")


async def main():
    ev = asyncio.Event()
    out = []
    for rnd in range(3):
        ts = [asyncio.create_task(waiter(f"r{rnd}w{i}", ev, out)) for i in range(3)]
        await asyncio.sleep(0)
        print("round", rnd, "set before:", ev.is_set(), "waiting:", len(out))
        ev.set()
        await waiter(f"r{rnd}late", ev, out)  # passes without waiting
        await asyncio.gather(*ts)
        ev.clear()
        print("after clear:", ev.is_set(), out[-4:])
    print(len(out), "wake-ups")


asyncio.run(main())
