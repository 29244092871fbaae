# Issue 17, defect 7: "Task exception was never retrieved" names the task
# (its own name and the default Task-N) and shows the traceback's source
# lines, as CPython does.
import asyncio


def check(n: int) -> None:
    if n > 1:
        raise KeyError(n)


async def boom(n: int) -> None:
    await asyncio.sleep(0)
    check(n)


async def main() -> None:
    asyncio.create_task(boom(2), name="exploder")
    asyncio.create_task(boom(3))
    await asyncio.sleep(0.01)
    print("main ends")


asyncio.run(main())
