# except* takes an exception class or a tuple of them; anything else is an error.
import asyncio


async def main():
    try:
        await asyncio.sleep(0)
    except* (ValueError, 3) as eg:
        print(eg)
    try:
        await asyncio.sleep(0)
    except* len:
        print("no")


asyncio.run(main())

