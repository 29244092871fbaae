import asyncio


async def weight(x):
    return x


async def main():
    slow = weight
    print(sorted([3, 1], key=lambda x: slow(x)))


asyncio.run(main())
