# Issue 17, item 6: deep recursive awaits raise RecursionError, as in CPython;
# suspended chains of other tasks do not count against the limit.
import asyncio


async def down(n: int) -> int:
    if n == 0:
        return 0
    return await down(n - 1) + 1


async def sleepy(n: int) -> int:
    if n == 0:
        await asyncio.sleep(0.01)
        return 0
    return await sleepy(n - 1) + 1


async def ping(n: int) -> int:
    return await pong(n + 1)


async def pong(n: int) -> int:
    return await ping(n + 1)


async def main() -> None:
    print(await down(900))
    try:
        print(await down(1000000))
    except RecursionError as e:
        print("RecursionError:", e)
    try:
        await ping(0)
    except RecursionError as e:
        print("mutual RecursionError:", e)
    print(await asyncio.gather(sleepy(400), sleepy(400), sleepy(400), sleepy(400)))
    r = await asyncio.gather(down(5), down(100000), return_exceptions=True)
    print(r[0], type(r[1]).__name__)
    print(await down(10))


asyncio.run(main())
