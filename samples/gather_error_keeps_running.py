# asyncio.gather over tasks: when one task fails the gather raises at once,
# the other tasks keep running and their results can still be awaited.
import asyncio


async def job(n: int) -> int:
    await asyncio.sleep(0.1 * n)
    print("job", n, "ends")
    if n == 2:
        raise ZeroDivisionError(f"job {n} divided by zero")
    return n * 100


async def main() -> None:
    ts: list[asyncio.Task[int]] = [asyncio.create_task(job(n)) for n in range(1, 6)]
    try:
        r: list[int] = await asyncio.gather(*ts)
        print("not reached", r)
    except ZeroDivisionError as e:
        print("gather raised", repr(e))
    print("still pending:", len([t for t in ts if not t.done()]))
    for t in ts:
        if t.done():
            try:
                print("already done", t.result())
            except ZeroDivisionError:
                print("already failed")
    print("late results", await ts[3], await ts[4])


asyncio.run(main())
