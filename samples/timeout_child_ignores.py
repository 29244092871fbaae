# wait_for whose child ignores (catches and swallows) the cancellation: the
# child keeps going and returns normally, and wait_for -- CPython 3.11 --
# returns that value instead of raising TimeoutError.
import asyncio


async def stubborn(n: int) -> int:
    try:
        await asyncio.sleep(10.0)
    except asyncio.CancelledError:
        print("stubborn ignores the cancellation")
    await asyncio.sleep(0.5)
    print("stubborn finishes anyway")
    return n


async def main() -> None:
    try:
        v: int = await asyncio.wait_for(stubborn(7), 1.0)
        print("wait_for returned", v)
    except TimeoutError:
        print("TimeoutError")
    print("main done")


asyncio.run(main())
