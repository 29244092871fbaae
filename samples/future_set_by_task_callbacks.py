# A future set by another task: done callbacks run in order one round later, several awaiters get the result, a second set_result raises InvalidStateError.
import asyncio


async def setter(fut, value, delay):
    await asyncio.sleep(delay)
    fut.set_result(value)
    print("set", value, "done:", fut.done())


async def reader(name, fut):
    v = await fut
    print(name, "read", v)
    return v


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("callback 1 sees", f.result()))
    fut.add_done_callback(lambda f: print("callback 2 sees", f.result() * 2))
    readers = [asyncio.create_task(reader(f"r{i}", fut)) for i in range(2)]
    await asyncio.gather(setter(fut, 21, 0.01), *readers)
    try:
        fut.set_result(0)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    failing = loop.create_future()
    loop.call_later(0.01, failing.set_exception, ValueError("no value"))
    try:
        await failing
    except ValueError as e:
        print("awaited failure:", e)


asyncio.run(main())
