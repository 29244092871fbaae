# Warnings to sys.stderr with print(file=) while stdout carries the results; input() at EOF raises EOFError.
import asyncio
import sys


async def convert(raw):
    await asyncio.sleep(0.01)
    try:
        return float(raw)
    except ValueError:
        print("warning: skipping", repr(raw), file=sys.stderr)
        return None


async def main():
    try:
        line = input("values? ")
    except EOFError:
        print("no input; using built-in values")
        line = "1.5 x 2 3e2 nan? 4"
    results = await asyncio.gather(*[convert(tok) for tok in line.split()])
    good = [r for r in results if r is not None]
    sys.stdout.write("converted " + str(good) + "\n")
    print("sum", sum(good))
    sys.stderr.write("done with " + str(len(results) - len(good)) + " warnings\n")


asyncio.run(main())
