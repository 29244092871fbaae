import asyncio


async def main():
    print("hello, world")


asyncio.run(main())
