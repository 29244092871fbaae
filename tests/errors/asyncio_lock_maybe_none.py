# A lock made later than its global is 'Lock | None' where it is used: checked, not compiled to a bad C call.
import asyncio

lock = None


def ready():
    return True


async def work():
    async with lock:
        print("in")


async def main():
    global lock
    lock = asyncio.Lock()
    cond = asyncio.Condition()
    await cond.wait_for(lambda: True)
    await work()


asyncio.run(main())
