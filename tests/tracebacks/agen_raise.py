import asyncio


async def parse(lines):
    for line in lines:
        await asyncio.sleep(0)
        yield int(line)


async def totals(lines):
    total = 0
    async for n in parse(lines):
        total += n
        yield total


async def main():
    async for t in totals(["1", "2", "x3"]):
        print("total", t)


asyncio.run(main())
