# task.done() and task.result() across a task's life, including a task that
# failed (result() re-raises its exception).
import asyncio


async def slow(n: int) -> int:
    await asyncio.sleep(n * 0.5)
    return n + 100


async def bad() -> int:
    await asyncio.sleep(0.2)
    raise KeyError("missing")


async def main() -> None:
    t: asyncio.Task[int] = asyncio.create_task(slow(2))
    e: asyncio.Task[int] = asyncio.create_task(bad())
    print("fresh", t.done(), e.done())
    await asyncio.sleep(0.3)
    print("after 0.3", t.done(), e.done())
    try:
        print(e.result())
    except KeyError as k:
        print("result() raised KeyError", k)
    await asyncio.sleep(0.7)
    print("after 1.0", t.done())
    await asyncio.sleep(0.1)
    print("after 1.1", t.done(), t.result())
    print("cancelled?", t.cancelled(), e.cancelled())


asyncio.run(main())
