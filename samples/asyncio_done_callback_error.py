# An exception in a done-callback goes to the loop's exception handler (stderr); the program goes on.
import asyncio


def check(t):
    print("checking", t.result())
    if t.result() > 1:
        raise RuntimeError("result too large: " + str(t.result()))


async def job(n):
    await asyncio.sleep(0.1)
    return n


async def main():
    a = asyncio.create_task(job(1))
    b = asyncio.create_task(job(2))
    a.add_done_callback(check)
    b.add_done_callback(check)
    print(await a, await b)
    await asyncio.sleep(0.1)
    print("still running")


asyncio.run(main())
