# Issue 17, defect 1: these crashed the checker (a NULL type after the error).
import asyncio


def f(x: int) -> int:
    return x


async def main() -> None:
    t: asyncio.Task[int] = asyncio.create_task(1)
    u = asyncio.ensure_future(2)
    v = asyncio.create_task(f(1)).result() + 1


x = asyncio.run(1)
asyncio.run(main)
