# asyncio.Barrier: parties meet, are released together and get their indexes; reset and abort break the waiters.
import asyncio


async def party(b, name, delay, rounds):
    for r in range(rounds):
        await asyncio.sleep(delay)
        print(name, "arrives for round", r, "waiting", b.n_waiting)
        i = await b.wait()
        print(name, "passes round", r, "as", i)


async def doomed(b, name):
    try:
        await b.wait()
        print(name, "passed")
    except asyncio.BrokenBarrierError as e:
        print(name, "broken:", e)


async def main():
    b = asyncio.Barrier(3)
    print(b.parties, b.n_waiting, b.broken)
    await asyncio.gather(party(b, "a", 0.1, 2), party(b, "b", 0.2, 2), party(b, "c", 0.3, 2))
    print("after rounds:", b.n_waiting, b.broken)
    r = asyncio.Barrier(3)
    t1 = asyncio.create_task(doomed(r, "x"))
    t2 = asyncio.create_task(doomed(r, "y"))
    await asyncio.sleep(0.1)
    print("resetting with", r.n_waiting, "waiting")
    await r.reset()
    await asyncio.gather(t1, t2)
    print("after reset:", r.broken, r.n_waiting)
    t3 = asyncio.create_task(doomed(r, "z"))
    await asyncio.sleep(0.1)
    await r.abort()
    await t3
    await doomed(r, "late")
    print("broken:", r.broken)
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
