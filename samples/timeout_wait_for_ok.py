# wait_for whose child finishes in time returns the child's value; None
# waits forever; a child finishing exactly at the deadline is a timeout.
import asyncio


async def work(n: int, d: float) -> int:
    await asyncio.sleep(d)
    print("work", n, "finished after", d)
    return n * 2


async def main() -> None:
    print("in time:", await asyncio.wait_for(work(1, 0.5), 1.0))
    print("no timeout:", await asyncio.wait_for(work(2, 1000.0), None))
    print("zero-length work:", await asyncio.wait_for(work(3, 0.0), 0.1))
    try:
        v: int = await asyncio.wait_for(work(4, 1.0), 1.0)
        print("exactly at deadline returned", v)
    except TimeoutError:
        print("exactly at deadline: TimeoutError")
    try:
        print(await asyncio.wait_for(work(5, 0.25), 0.0))
    except TimeoutError:
        print("zero timeout: TimeoutError")


asyncio.run(main())
