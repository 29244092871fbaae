# A named task whose exception nobody retrieves: CPython's report names it.
import asyncio


async def boom(n):
    await asyncio.sleep(0.1)
    raise KeyError(n)


async def main():
    asyncio.create_task(boom(1), name="exploder")
    asyncio.create_task(boom(2))
    await asyncio.sleep(0.5)
    print("main ends")


asyncio.run(main())
