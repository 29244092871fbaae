# Several waiters on one task that fails: every waiter gets the same
# exception, woken in the order they started waiting.
import asyncio


class Failure(Exception):
    pass


async def flaky() -> int:
    await asyncio.sleep(1.0)
    print("flaky raises")
    raise Failure("shared failure")


async def waiter(name: str, t: asyncio.Task[int]) -> str:
    print(name, "waiting")
    try:
        v: int = await t
        return name + " got " + str(v)
    except Failure as e:
        return name + " caught " + repr(e)


async def main() -> None:
    t: asyncio.Task[int] = asyncio.create_task(flaky())
    ws: list[asyncio.Task[str]] = []
    for name in ["one", "two", "three"]:
        ws.append(asyncio.create_task(waiter(name, t)))
    for w in ws:
        print(await w)
    try:
        await t
    except Failure as e:
        print("main caught", e, "too")


asyncio.run(main())
