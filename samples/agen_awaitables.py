# anext(g) and g.aclose() used as awaitables: under wait_for (a timeout), gather and create_task.
import asyncio


async def slow(name: str, delay: float):
    try:
        i = 0
        while True:
            await asyncio.sleep(delay)
            yield f"{name}{i}"
            i += 1
    finally:
        print(name, "closed")


async def main():
    g = slow("g", 0.5)
    print(await asyncio.wait_for(anext(g), 1))
    try:
        print(await asyncio.wait_for(anext(g), 0.2))
    except TimeoutError:
        print("timed out")
    a = slow("a", 0.1)
    b = slow("b", 0.3)
    c = slow("c", 0.2)
    print(await asyncio.gather(anext(a), anext(b), anext(c)))
    t = asyncio.create_task(a.aclose())
    await t
    print("a closed by a task")
    await b.aclose()
    await c.aclose()


asyncio.run(main())
