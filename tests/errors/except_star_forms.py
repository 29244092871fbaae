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


async def exits():
    for i in range(3):
        try:
            await asyncio.sleep(0)
        except* ValueError:
            if i:
                break
            for j in range(2):
                continue
            return 1
    return 0
