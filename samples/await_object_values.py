# Coroutines kept in a list with other values (a list[object]): awaiting one,
# gathering them, and CPython's TypeErrors for what is not awaitable.
import asyncio


async def double(n):
    await asyncio.sleep(0.01)
    return n * 2


async def name_of(n):
    return f"#{n}"


async def main():
    mixed = [double(1), "label", name_of(2), double(3), name_of(4)]
    print(await mixed[0], await mixed[2])
    print(await asyncio.gather(mixed[3], mixed[4]))
    try:
        await mixed[1]
    except TypeError as e:
        print("TypeError:", e)
    try:
        await asyncio.gather(mixed[1])
    except TypeError as e:
        print("TypeError:", e)
    rest = [double(5), name_of(6), 7]
    rest.pop()
    print(await asyncio.gather(*rest))
    try:
        await asyncio.gather(*[8, "nine"])
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
