# asyncio.as_completed: results in the order the tasks finish; a timeout; a failing one; tasks as well as coroutines.
import asyncio


async def compute(name, delay):
    await asyncio.sleep(delay)
    if name == "bad":
        raise ValueError(name)
    return f"{name}:{delay}"


async def ticker():
    for i in range(4):
        print("tick", i)
        await asyncio.sleep(0)


async def main():
    coros = [compute("slow", 0.9), compute("fast", 0.1), compute("medium", 0.4), compute("instant", 0.0)]
    for fut in asyncio.as_completed(coros):
        print("got", await fut)
    tasks = [asyncio.create_task(compute("t1", 0.2)), asyncio.create_task(compute("bad", 0.1))]
    for fut in asyncio.as_completed(tasks):
        try:
            print("task result", await fut)
        except ValueError as e:
            print("task failed", repr(e))
    k = asyncio.create_task(ticker())
    order = []
    try:
        for fut in asyncio.as_completed([compute("a", 0.1), compute("b", 5)], timeout=1):
            order.append(await fut)
    except TimeoutError:
        print("timed out after", order)
    await k


asyncio.run(main())
