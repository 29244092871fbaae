# task.cancel() raises CancelledError through the whole inline await chain
# of the task: every except/finally runs, innermost first; a finally may
# still await.
import asyncio


async def c3() -> int:
    try:
        await asyncio.sleep(100.0)
    finally:
        print("c3 finally")
    return 3


async def c2() -> int:
    try:
        return await c3()
    except asyncio.CancelledError:
        print("c2 except, re-raising")
        raise


async def c1() -> int:
    try:
        return await c2()
    finally:
        print("c1 finally awaits")
        await asyncio.sleep(0.5)
        print("c1 finally done")


async def main() -> None:
    t: asyncio.Task[int] = asyncio.create_task(c1())
    await asyncio.sleep(1.0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main: cancelled", t.cancelled())


asyncio.run(main())
