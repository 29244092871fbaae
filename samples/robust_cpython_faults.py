# Issue 17, item 5: faults raise the exception CPython raises.
import asyncio


def grow() -> int:
    big = [1, 2, 3, 4] * 2**62
    return len(big)


async def main() -> None:
    try:
        print(grow())
    except MemoryError:
        print("MemoryError")
    try:
        raise RecursionError("deep")
    except RuntimeError as e:
        print("RuntimeError caught:", e)


asyncio.run(main())
