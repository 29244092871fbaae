# except* takes one exception class; tuples of classes are not supported yet.
import asyncio


async def main():
    try:
        await asyncio.sleep(0)
    except* (ValueError, KeyError) as eg:
        print(eg)
    try:
        await asyncio.sleep(0)
    except* len:
        print("no")


asyncio.run(main())
