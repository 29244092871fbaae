# Awaiting one coroutine object twice raises RuntimeError (as CPython:
# "cannot reuse already awaited coroutine").
import asyncio


async def once(n: int) -> int:
    await asyncio.sleep(0.1)
    return n + 1


async def main() -> None:
    c = once(41)
    print("first await", await c)
    try:
        v: int = await c
        print("not reached", v)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("a fresh coroutine works", await once(1))


asyncio.run(main())
