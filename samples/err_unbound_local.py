# Runtime error: a local assigned only when the loop finds a match, read
# after the loop that found none: an uncaught UnboundLocalError.
import asyncio


async def find(words, prefix):
    for w in words:
        await asyncio.sleep(0)
        if w.startswith(prefix):
            match = w
            break
    return match


async def main():
    print(await find(["apple", "banana"], "b"))
    print(await find(["apple", "banana"], "z"))


asyncio.run(main())
