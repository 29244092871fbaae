# Task names, current_task, cancel(msg), cancelling/uncancel, exception(), sleep(delay, result)
import asyncio


async def worker(n):
    me = asyncio.current_task()
    print("worker", n, "runs as", me.get_name())
    got = await asyncio.sleep(0.1 * n, n * 10)
    return got


async def failing():
    await asyncio.sleep(0.05)
    raise ValueError("bad value")


async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("sleeper cancelled with", repr(e), e.args)
        raise
    return 0


async def main():
    main_task = asyncio.current_task()
    print("main is", main_task.get_name(), asyncio.current_task() is main_task)
    a = asyncio.create_task(worker(1))
    b = asyncio.create_task(worker(2), name="second")
    print(a.get_name(), b.get_name())
    a.set_name("first")
    print(a.get_name(), await a, await b)
    f = asyncio.create_task(failing())
    await asyncio.sleep(0.1)
    print("done", f.done(), "exception", repr(f.exception()))
    print("exception of a", a.exception())
    s = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    print("cancelling before", s.cancelling())
    s.cancel("stop now")
    print("cancelling after", s.cancelling())
    try:
        await s
    except asyncio.CancelledError as e:
        print("awaiting s raised", repr(e))
    print("cancelled", s.cancelled())
    try:
        s.exception()
    except asyncio.CancelledError as e:
        print("exception() raised", repr(e))
    t = asyncio.create_task(sleeper())
    try:
        t.exception()
    except asyncio.InvalidStateError as e:
        print("not done:", e)
    t.cancel()
    t.cancel()
    print("twice", t.cancelling(), t.uncancel(), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("plain cancel", repr(e))
    print(main_task.cancelling(), asyncio.current_task().get_name())


asyncio.run(main())
