# A future whose exception nobody retrieves is reported when it is freed, as CPython's Future.__del__ does.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_exception(KeyError("lost"))
    print("done", fut.done())
    fut = loop.create_future()
    print("replaced")
    await asyncio.sleep(0)


asyncio.run(main())
