# The second module of tests/test_two_modules.sh: its file name is not a C
# identifier (the exported symbols are asyncc_beta_2_...), and it reuses
# every name alpha.py defines.
import asyncio

greeting: str = "beta"
count: int = 100

print("loading", __name__)


class Oops(Exception):
    pass


async def step(n: int) -> int:
    global count
    await asyncio.sleep(0.5 * n)
    count -= n
    return count


async def work(n: int) -> int:
    results = await asyncio.gather(*[step(i) for i in range(n)])
    print(greeting, "gathered", results)
    return sum(results)


async def main() -> str:
    await asyncio.wait_for(asyncio.sleep(0.2), 1.0)
    try:
        await work(-1)
        raise Oops("from beta")
    except Oops as e:
        print(greeting, "caught", repr(e))
    return greeting + "?"
