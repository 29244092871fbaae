# Loop callbacks: call_soon/call_later with plain functions that mutate a global log, and a future set by a callback.
import asyncio

log = []


def note(msg, n=0):
    log.append(msg)
    print("callback", msg, n)


def finish(fut, value):
    if not fut.done():
        fut.set_result(value)


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.3, note, "late", 3)
    loop.call_soon(note, "soon")
    loop.call_later(0.1, note, "early", 1)
    fut = loop.create_future()
    loop.call_later(0.2, finish, fut, 99)
    got = await fut
    print("future gave", got, "log", log)
    await asyncio.sleep(0.2)
    print("log", log)


asyncio.run(main())
