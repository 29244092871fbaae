# Only from-imports of asyncio (no 'import asyncio'): run, sleep, gather,
# create_task, wait_for and the exception classes by their bare names.
from asyncio import run, sleep, gather, create_task, CancelledError, TimeoutError, wait_for


async def tick(n: int):
    await sleep(0.1 * n)
    return n


async def main():
    t = create_task(tick(5))
    try:
        await wait_for(tick(3), timeout=0.1)
    except TimeoutError:
        print("timeout")
    t.cancel()
    try:
        await t
    except CancelledError:
        print("cancelled")
    print(await gather(tick(1), tick(2)))


run(main())
