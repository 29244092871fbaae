# A child of gather that gets cancelled makes the gather raise
# CancelledError; the other children keep running.
import asyncio


async def sleeper(name: str, d: float) -> int:
    try:
        await asyncio.sleep(d)
    finally:
        print(name, "exits")
    return 1


async def main() -> None:
    victim: asyncio.Task[int] = asyncio.create_task(sleeper("victim", 5.0))
    other: asyncio.Task[int] = asyncio.create_task(sleeper("other", 1.0))
    g = asyncio.gather(victim, other)
    await asyncio.sleep(0.5)
    print("cancelling victim:", victim.cancel())
    try:
        await g
        print("not reached")
    except asyncio.CancelledError:
        print("gather raised CancelledError")
    print("other still done?", other.done())
    print("other result", await other)
    print("victim cancelled?", victim.cancelled())


asyncio.run(main())
