# Tasks holding object values are cancelled while suspended (their frames
# release what they hold) and time out inside wait_for.
import asyncio


async def holder(tag: object) -> object:
    box: object = [tag, 2.5, "held"]
    big: object = 10 ** 6
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("cancelled with", box, big)
        raise
    return box


async def quiet(v: object) -> object:
    items = [v, v, 1.5]
    await asyncio.sleep(10)
    return items


async def main() -> None:
    t1 = asyncio.create_task(holder("a"))
    t2 = asyncio.create_task(quiet(12345678))
    t3 = asyncio.create_task(quiet("never"))
    await asyncio.sleep(0.1)
    t1.cancel()
    t2.cancel()
    res = await asyncio.gather(t1, t2, return_exceptions=True)
    print([type(r).__name__ for r in res])
    try:
        r = await asyncio.wait_for(quiet(3.5), 0.05)
        print(r)
    except asyncio.TimeoutError:
        print("timeout")
    print(t3.done())


asyncio.run(main())
