# Cancelling a task while its async for waits inside the generator: the
# CancelledError is raised at the generator's await, its finally runs, and
# the consumer sees the cancellation.
import asyncio


async def slow_numbers():
    try:
        n = 0
        while True:
            await asyncio.sleep(1)
            yield n
            n += 1
    except asyncio.CancelledError:
        print("generator cancelled")
        raise
    finally:
        print("generator finally")


async def consumer(seen: list[int]):
    try:
        async for n in slow_numbers():
            seen.append(n)
            print("consumed", n)
    finally:
        print("consumer finally")


async def main():
    seen: list[int] = []
    task = asyncio.create_task(consumer(seen))
    await asyncio.sleep(2.5)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("task cancelled after", seen)


asyncio.run(main())
