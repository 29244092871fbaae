# An exception escaping main through asyncio.run: output printed before it
# stays, stderr ends with the exception line, exit status 1.
import asyncio


class Fatal(Exception):
    pass


async def helper(n: int) -> int:
    await asyncio.sleep(0.1)
    if n == 3:
        raise Fatal(f"helper gave up at {n}")
    return n


async def main() -> None:
    for n in range(5):
        print("helper", await helper(n))


asyncio.run(main())
print("not reached")
