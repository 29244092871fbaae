# Tutorial style: making breakfast sequentially then concurrently; the interleaving of prints shows the difference.
import asyncio


async def brew(kind, minutes=3):
    print("start", kind)
    await asyncio.sleep(minutes)
    print("ready", kind)
    return kind


async def toast(slices, minutes=2):
    made = []
    for i in range(slices):
        await asyncio.sleep(minutes / slices)
        made.append("toast" + str(i + 1))
    print("toasted", slices)
    return made


async def sequential():
    coffee = await brew("coffee")
    tea = await brew("tea", 2)
    bread = await toast(2)
    return [coffee, tea] + bread


async def concurrent():
    coffee, tea, bread = await asyncio.gather(brew("coffee"), brew("tea", 2), toast(2))
    return [coffee, tea] + bread


async def main():
    print("-- sequential")
    print(await sequential())
    print("-- concurrent")
    print(await concurrent())


asyncio.run(main())
