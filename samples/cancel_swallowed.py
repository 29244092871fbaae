# A task that catches CancelledError and swallows it completes normally:
# its result is returned and cancelled() is False.
import asyncio


async def resilient(n: int) -> int:
    total: int = 0
    for i in range(n):
        try:
            await asyncio.sleep(1.0)
            total += 1
            print("resilient step", i)
        except asyncio.CancelledError:
            print("resilient swallowed a cancel at step", i)
            total += 100
    return total


async def main() -> None:
    t: asyncio.Task[int] = asyncio.create_task(resilient(4))
    await asyncio.sleep(1.5)
    print("cancel:", t.cancel())
    await asyncio.sleep(1.0)
    print("cancel again:", t.cancel())
    r: int = await t
    print("result", r, "cancelled?", t.cancelled(), "done?", t.done())


asyncio.run(main())
