# asyncio.wait's wake-up order against a ticking task: two hops after a task ends, one round for done tasks, cancellation of the waiter.
import asyncio


async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)


async def quick(x):
    print("quick", x)
    return x


async def slow():
    await asyncio.sleep(1)
    return 0


async def waiter(tasks):
    try:
        done, pending = await asyncio.wait(tasks)
        print("waiter got", len(done))
    except asyncio.CancelledError:
        print("waiter cancelled; tasks still pending:", sum(1 for t in tasks if not t.done()))
        raise


async def main():
    t = asyncio.create_task(ticker(8))
    q = asyncio.create_task(quick(1))
    done, pending = await asyncio.wait([q])
    print("wait returned", len(done), len(pending))
    done, pending = await asyncio.wait([q])
    print("already done returned", len(done))
    r = asyncio.create_task(quick(2))
    done, pending = await asyncio.wait([r], timeout=0)
    print("timeout 0:", len(done), len(pending))
    s = asyncio.create_task(slow())
    w = asyncio.create_task(waiter([s]))
    await asyncio.sleep(0.5)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("w cancelled", w.cancelled(), "s done", s.done())
    done, pending = await asyncio.wait([s, t], timeout=2)
    print("end", len(done), len(pending), s.result())


asyncio.run(main())
