import asyncio


async def ticks(name, n, delay):
    try:
        for i in range(n):
            await asyncio.sleep(delay)
            yield f"{name}{i}"
    finally:
        print(name, "producer done")


async def consume(name, n, delay):
    got = []
    async for item in ticks(name, n, delay):
        print("consumer", name, "got", item)
        got.append(item)
    return got


async def slow_stream():
    try:
        i = 0
        while True:
            await asyncio.sleep(0.3)
            yield i
            i += 1
    finally:
        print("slow_stream cleanup")


async def read_with_timeout():
    seen = []
    try:
        async with asyncio.timeout(1.0):
            async for v in slow_stream():
                seen.append(v)
    except TimeoutError:
        print("timed out after", seen)


async def read_wait_for():
    seen = []

    async def reader():
        async for v in slow_stream():
            seen.append(v)

    try:
        await asyncio.wait_for(reader(), 0.7)
    except TimeoutError:
        print("wait_for timed out after", seen)


async def main():
    results = await asyncio.gather(consume("a", 3, 0.1), consume("b", 2, 0.15), consume("c", 4, 0.05))
    print(results)
    await read_with_timeout()
    await read_wait_for()


asyncio.run(main())
