# wait_for with a timeout that fires: the child is cancelled at its await,
# its handler runs, and TimeoutError (also asyncio.TimeoutError) is raised.
import asyncio


async def slow(name: str, d: float) -> int:
    try:
        print(name, "starts sleeping", d)
        await asyncio.sleep(d)
        print(name, "woke up")
        return 1
    except asyncio.CancelledError:
        print(name, "was cancelled")
        raise


async def main() -> None:
    try:
        await asyncio.wait_for(slow("first", 10.0), timeout=1.0)
        print("not reached")
    except TimeoutError:
        print("TimeoutError after 1.0")
    try:
        await asyncio.wait_for(slow("second", 3.0), 2.5)
    except asyncio.TimeoutError:
        print("asyncio.TimeoutError after 2.5")
    t: asyncio.Task[int] = asyncio.create_task(slow("task", 5.0))
    try:
        await asyncio.wait_for(t, 0.5)
    except TimeoutError as e:
        print("task timed out:", repr(e), "cancelled:", t.cancelled())


asyncio.run(main())
