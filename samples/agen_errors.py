import asyncio


async def broken(n):
    for i in range(n):
        yield i
    raise ValueError("stream broke")


async def main():
    try:
        async for x in [1, 2, 3]:
            print(x)
    except TypeError as e:
        print("TypeError:", e)
    try:
        got = [x async for x in (1, 2)]
        print(got)
    except TypeError as e:
        print("TypeError:", e)
    try:
        async for x in broken(2):
            print("item", x)
    except ValueError as e:
        print("caught", e)
    async for x in broken(3):
        print("again", x)


asyncio.run(main())
