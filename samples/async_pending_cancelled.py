# When main returns, asyncio.run cancels the task still pending: the
# CancelledError travels through its inline await chain, so the except
# handler and the finally blocks run, innermost first, before run returns.
# (Only one task prints during the cancellation: CPython cancels leftover
# tasks in set order, which is not a specified order.)
import asyncio


async def inner() -> int:
    try:
        await asyncio.sleep(100.0)
    except asyncio.CancelledError:
        print("inner saw CancelledError")
        raise
    finally:
        print("inner finally")
    return 1


async def forever(name: str) -> int:
    n: int = 0
    try:
        while n < 2:
            await asyncio.sleep(1.0)
            n += 1
            print(name, "tick", n)
        return await inner()
    finally:
        print(name, "finally after", n, "ticks")


async def quiet() -> int:
    await asyncio.sleep(50.0)
    print("quiet never prints")
    return 0


async def main() -> int:
    a: asyncio.Task[int] = asyncio.create_task(forever("a"))
    q: asyncio.Task[int] = asyncio.create_task(quiet())
    await asyncio.sleep(2.5)
    print("main returns, done?", a.done(), q.done())
    return 42


print("run returned", asyncio.run(main()))
print("after run")
