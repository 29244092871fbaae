# except* with a tuple of classes: one clause takes every ValueError and TypeError of the group, another the rest.
import asyncio


async def fail(kind, delay):
    await asyncio.sleep(delay)
    if kind == "value":
        raise ValueError(f"bad value after {delay}")
    if kind == "type":
        raise TypeError(f"bad type after {delay}")
    if kind == "key":
        raise KeyError(kind)
    return kind


async def run(kinds):
    try:
        async with asyncio.TaskGroup() as tg:
            for i, k in enumerate(kinds):
                tg.create_task(fail(k, 0.1 * (i + 1)))
        print("no failure")
    except* (ValueError, TypeError) as eg:
        print("value/type:", sorted(str(e) for e in eg.exceptions))
    except* KeyError as eg:
        print("key:", [repr(e) for e in eg.exceptions])


async def main():
    await run(["value", "ok"])
    await run(["ok", "type", "ok"])
    await run(["key", "ok"])
    try:
        await run(["ok"])
    finally:
        print("done")


asyncio.run(main())
