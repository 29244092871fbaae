# Async generators annotated with typing's AsyncIterator, AsyncGenerator (its send type types what asend delivers) and AsyncIterable.
import asyncio
from typing import AsyncGenerator, AsyncIterator
from typing import AsyncIterable


async def evens(n: int) -> AsyncIterator[int]:
    for i in range(0, n, 2):
        yield i


async def echo() -> AsyncGenerator[str, str]:
    reply = "start"
    while True:
        got = yield reply
        reply = got.upper()


async def words() -> AsyncIterable[str]:
    for w in ["x", "y"]:
        yield w


async def main() -> None:
    print([e async for e in evens(7)])
    g = echo()
    print(await anext(g))
    print(await g.asend("hello"))
    print(await g.asend("bye"))
    await g.aclose()
    print([w async for w in words()])


asyncio.run(main())
