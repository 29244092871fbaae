# Three tasks sleeping different lengths interleave by deadline; the order of
# the printed lines is the order of the virtual clock's timers.
import asyncio


async def ticker(name: str, period: float, count: int) -> int:
    total: int = 0
    for i in range(count):
        await asyncio.sleep(period)
        total += i
        print(f"{name} tick {i}")
    print(f"{name} done")
    return total


async def main() -> None:
    a: asyncio.Task[int] = asyncio.create_task(ticker("fast", 0.1, 6))
    b: asyncio.Task[int] = asyncio.create_task(ticker("mid", 0.25, 3))
    c: asyncio.Task[int] = asyncio.create_task(ticker("slow", 0.4, 2))
    print("main started three tickers")
    ra: int = await a
    print("fast returned", ra)
    rb: int = await b
    print("mid returned", rb)
    rc: int = await c
    print("slow returned", rc)


asyncio.run(main())
