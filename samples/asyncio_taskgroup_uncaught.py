# An uncaught ExceptionGroup from a TaskGroup, printed as CPython prints it.
import asyncio


async def job(n):
    await asyncio.sleep(0.1 * n)
    if n == 3:
        raise KeyError(n)
    raise ValueError(f"job {n}")


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(job(1))
        tg.create_task(job(1))
        tg.create_task(job(3))


asyncio.run(main())
