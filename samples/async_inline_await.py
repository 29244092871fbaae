# await coro() runs the callee inline with no scheduler round, while
# awaiting a task (or sleep(0)) gives other tasks a turn.
import asyncio


async def no_suspend(n: int) -> int:
    return n + 1


async def bystander() -> int:
    for i in range(4):
        print("  bystander", i)
        await asyncio.sleep(0)
    return 0


async def main() -> None:
    b: asyncio.Task[int] = asyncio.create_task(bystander())
    await asyncio.sleep(0)
    print("inline awaits start")
    x: int = 0
    for i in range(5):
        x = await no_suspend(x)
    print("inline awaits end", x)
    t: asyncio.Task[int] = asyncio.create_task(no_suspend(10))
    print("awaiting a task")
    print("task gave", await t)
    await b
    print("done")


asyncio.run(main())
