# Futures made by loop.create_future(): set by other tasks and by loop callbacks, awaited by several tasks, failed, cancelled; call_at and handle.cancel().
import asyncio


def deliver(fut, value):
    print("deliver", value, "done before:", fut.done())
    if not fut.done():
        fut.set_result(value)


def fail(fut, msg):
    fut.set_exception(ValueError(msg))


def shout(word):
    print("shout", word)


async def setter(fut, delay, value):
    await asyncio.sleep(delay)
    print("setter sets", value)
    fut.set_result(value)


async def reader(name, fut):
    v = await fut
    print(name, "read", v)
    return v


async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    readers = [asyncio.create_task(reader(f"r{i}", fut)) for i in range(3)]
    asyncio.create_task(setter(fut, 0.2, 42))
    print("gathered", await asyncio.gather(*readers), fut.result(), fut.done())
    f2 = loop.create_future()
    loop.call_later(0.1, fail, f2, "bad input")
    try:
        await f2
    except ValueError as e:
        print("f2 raised", repr(e), repr(f2.exception()))
    f3 = loop.create_future()
    loop.call_soon(deliver, f3, "soon")
    loop.call_soon(deliver, f3, "twice")
    t = asyncio.create_task(ticker(3))
    print("f3", await f3)
    await t
    f4 = asyncio.Future()
    w = asyncio.create_task(reader("r4", f4))
    await asyncio.sleep(0)
    print("cancel f4:", f4.cancel("no value"), f4.cancel())
    try:
        await w
    except asyncio.CancelledError as e:
        print("r4 cancelled with", repr(e), f4.cancelled())
    h1 = loop.call_at(loop.time() + 0.3, shout, "late")
    h2 = loop.call_later(0.1, shout, "never")
    h3 = loop.call_soon(shout, "soon")
    print(h1.when(), h2.cancelled())
    h2.cancel()
    h2.cancel()
    print("h2 cancelled", h2.cancelled())
    await asyncio.sleep(0.5)
    try:
        readers[0].set_result(1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        fut.set_result(2)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    print("end", h3.cancelled())


asyncio.run(main())
