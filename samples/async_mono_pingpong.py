# asyncc: clock=monotonic
# Real clock: two tasks alternate with 40 ms sleeps offset by 20 ms, so the
# order is ping, pong, ping, pong, ... regardless of the machine's speed.
import asyncio


async def player(name: str, offset: float, n: int) -> int:
    await asyncio.sleep(offset)
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0.04)
    return n


async def main() -> None:
    a: asyncio.Task[int] = asyncio.create_task(player("ping", 0.0, 4))
    b: asyncio.Task[int] = asyncio.create_task(player("pong", 0.02, 4))
    print("rallies", await a + await b)


asyncio.run(main())
