# `from asyncio import ...` style and an explicit new_event_loop/run_until_complete/close.
from asyncio import sleep, gather, new_event_loop
import asyncio


async def beep(n, pause=0.2):
    for i in range(n):
        await sleep(pause)
        print("beep", n, i)
    return n


async def main():
    got = await gather(beep(2), beep(1, 0.3), beep(3, 0.1))
    print("gathered", got)
    return sum(got)


loop = new_event_loop()
try:
    total = loop.run_until_complete(main())
    print("total", total, "loop time", round(loop.time(), 2))
finally:
    loop.close()
print("closed", loop.is_closed())
print(asyncio.run(beep(1, 0)))
