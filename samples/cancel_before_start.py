# A task cancelled before its first step never runs its body (not even the
# code before its first await, nor its finally).
import asyncio


async def body(name: str) -> int:
    print(name, "body runs")
    try:
        await asyncio.sleep(1.0)
    finally:
        print(name, "finally")
    return 1


async def main() -> None:
    a: asyncio.Task[int] = asyncio.create_task(body("a"))
    b: asyncio.Task[int] = asyncio.create_task(body("b"))
    print("cancel a before it starts:", a.cancel())
    print("a done?", a.done(), "cancelled?", a.cancelled())
    await asyncio.sleep(0)
    print("after one round: a done?", a.done(), "cancelled?", a.cancelled())
    try:
        await a
    except asyncio.CancelledError:
        print("awaiting a raised CancelledError")
    print("b result", await b)


asyncio.run(main())
