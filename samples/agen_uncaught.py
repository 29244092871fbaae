# An exception raised inside an async generator reaches the consumer's
# async for; uncaught, it ends the program with CPython's traceback.
import asyncio


async def readings():
    for value in [3, 1, 0, 4]:
        await asyncio.sleep(0.1)
        yield 12 // value


async def main():
    async for r in readings():
        print("reading", r)


asyncio.run(main())
