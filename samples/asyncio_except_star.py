# except* with TaskGroup failures: each clause takes its part of the group; what is left goes on; naked exceptions are wrapped.
import asyncio


class Flaky(Exception):
    pass


async def work(kind, delay):
    await asyncio.sleep(delay)
    if kind == "value":
        raise ValueError(f"bad value after {delay}")
    if kind == "key":
        raise KeyError(kind)
    if kind == "flaky":
        raise Flaky("flaky")
    return kind


async def group(kinds):
    async with asyncio.TaskGroup() as tg:
        for i, k in enumerate(kinds):
            tg.create_task(work(k, 0.1 * (i + 1)))


async def main():
    try:
        await group(["value", "ok", "key"])
    except* ValueError as eg:
        print("values:", repr(eg), [str(e) for e in eg.exceptions])
    except* KeyError as eg:
        print("keys:", eg)
    try:
        await group(["value", "value"])
    except* ValueError as eg:
        print("two values:", len(eg.exceptions), eg)
    except* KeyError:
        print("no keys here")
    try:
        try:
            await group(["flaky", "key"])
        except* Flaky as eg:
            print("flaky handled:", [repr(e) for e in eg.exceptions])
    except* KeyError as eg:
        print("key went on:", repr(eg))
    try:
        raise ValueError("naked")
    except* ValueError as eg:
        print("naked wrapped:", repr(eg))
    try:
        try:
            raise KeyError("other")
        except* ValueError:
            print("not here")
    except KeyError as e:
        print("unmatched naked re-raised:", repr(e))
    print("end")


asyncio.run(main())
