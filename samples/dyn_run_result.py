# asyncio.run() of a coroutine returning object: the value is printed,
# stored, or dropped (and released) like any other result.
import asyncio


async def pick(n: int) -> object:
    await asyncio.sleep(0)
    if n > 1:
        return [n, "many"]
    return n


print(asyncio.run(pick(3)))
asyncio.run(pick(4))
x = asyncio.run(pick(1))
print(x, x + 1)
