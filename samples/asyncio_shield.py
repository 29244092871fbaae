# asyncio.shield: cancelling the waiter leaves the shielded task running; its result is still there later.
import asyncio


async def important(n):
    print("important starts", n)
    await asyncio.sleep(0.5)
    print("important done", n)
    return n * 2


async def caller(t):
    try:
        r = await asyncio.shield(t)
        print("caller got", r)
    except asyncio.CancelledError:
        print("caller cancelled; inner done:", t.done(), "cancelled:", t.cancelled())
        raise


async def ticker():
    for i in range(4):
        print("tick", i)
        await asyncio.sleep(0)


async def main():
    t = asyncio.create_task(important(1))
    c = asyncio.create_task(caller(t))
    await asyncio.sleep(0.2)
    c.cancel()
    try:
        await c
    except asyncio.CancelledError:
        print("c cancelled", c.cancelled())
    print("awaiting t:", await t)
    k = asyncio.create_task(ticker())
    print("shield of a coroutine:", await asyncio.shield(important(2)))
    print("shield of a done task:", await asyncio.shield(t))
    s = asyncio.create_task(important(3))
    k2 = asyncio.create_task(ticker())
    await asyncio.sleep(0.5)
    print("shield then tick order:", await asyncio.shield(s))
    await k
    await k2
    k3 = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    print("quick shield:", await asyncio.shield(quick()))
    await k3


async def quick():
    print("quick runs")
    await asyncio.sleep(0)
    print("quick ends")
    return "q"


asyncio.run(main())
