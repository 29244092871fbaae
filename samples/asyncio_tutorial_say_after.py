# Tutorial style: say_after(delay, what) run in sequence, then as tasks; elapsed from loop.time().
import asyncio


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print(f"started at {loop.time() - start:.1f}")
    await say_after(1, "hello")
    await say_after(2, "world")
    print(f"sequential finished at {loop.time() - start:.1f}")

    task1 = asyncio.create_task(say_after(1, "hello"))
    task2 = asyncio.create_task(say_after(2, "world"))
    print(f"tasks started at {loop.time() - start:.1f}")
    await task1
    await task2
    print(f"concurrent finished at {loop.time() - start:.1f}")


asyncio.run(main())
