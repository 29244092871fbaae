# sys.stdin is empty under the test runner: reading lines gives nothing, and defaults are used.
import asyncio
import sys


async def process(lines, default=(1, 2, 3)):
    numbers = [int(x) for x in lines if x.strip()]
    if not numbers:
        print("no input, using defaults")
        numbers = list(default)
    total = 0
    for n in numbers:
        await asyncio.sleep(0.01)
        total += n
        print("running total", total)
    return total


async def main():
    lines = sys.stdin.readlines()
    total = await process(lines)
    sys.stdout.write("total=" + str(total) + "\n")
    print("argv length", len(sys.argv))


asyncio.run(main())
