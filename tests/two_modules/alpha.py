# One of two modules linked into one C host (tests/test_two_modules.sh).
# beta-2.py defines the same names (globals, functions, an exception class)
# on purpose: the two compiled modules must not clash when linked.
import asyncio

greeting: str = "alpha"
count: int = 0

print("loading", __name__)


class Oops(Exception):
    pass


async def step(n: int) -> int:
    global count
    await asyncio.sleep(0)
    count += n
    return count


async def work(n: int) -> int:
    total = 0
    for i in range(n):
        total += await step(i)
        print(greeting, "step", i, "total", total)
    return total


async def main() -> str:
    # sleep used as a value: a generated helper coroutine (static, as in
    # beta-2.py)
    await asyncio.wait_for(asyncio.sleep(0.1), 1.0)
    try:
        raise Oops("from alpha")
    except Oops as e:
        print(greeting, "caught", repr(e))
    return greeting + "!"
