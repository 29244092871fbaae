# An exception no except clause matches, inside a for loop over a list
# literal: the list was leaked (found by tests/test_oom.py).
import asyncio


async def level1(n: int) -> int:
    await asyncio.sleep(0)
    return 10 // (n - 3)


async def main() -> None:
    for n in [1, 3]:
        try:
            print("result", await level1(n))
        except ValueError as e:
            print("caught:", repr(e))


asyncio.run(main())
