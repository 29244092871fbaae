# Runtime error: a closure assigning a captured name without nonlocal -> UnboundLocalError (3.11 message).
import asyncio


def make_tally():
    count = 0

    async def good(n):
        nonlocal count
        await asyncio.sleep(0.01)
        count += n
        return count

    async def bad(n):
        await asyncio.sleep(0.01)
        count += n
        return count

    return good, bad


async def main():
    good, bad = make_tally()
    print(await good(2), await good(3))
    print(await bad(1))


asyncio.run(main())
