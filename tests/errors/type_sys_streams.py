# The standard streams are names for print(file=...) and write/flush only.
import asyncio
import sys


async def main() -> None:
    out = sys.stdout
    print("x", file="stderr")
    sys.stderr.writelines(["a"])
    print("ok", file=sys.stderr, flush=True)


asyncio.run(main())
