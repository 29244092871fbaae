# An uncaught exception escaping asyncio.run ends the program with status 1 after the earlier output.
import asyncio


async def parse_all(lines):
    out = []
    for ln in lines:
        await asyncio.sleep(0)
        key, value = ln.split("=")
        out.append((key.strip(), int(value)))
        print("parsed", key.strip())
    return out


async def main():
    good = await parse_all(["a = 1", "b = 22"])
    print(good)
    await parse_all(["c = 3", "d = four"])
    print("never printed")


asyncio.run(main())
