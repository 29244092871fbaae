# shield() inside timeout(): the timeout cancels the awaiting block but the shielded task runs on; its result is read later, and a second shield of a finished task returns at once.
import asyncio

events = []


async def slow_save(x):
    events.append(f"save {x} start")
    await asyncio.sleep(0.05)
    events.append(f"save {x} end")
    return x * 10


async def main():
    t = asyncio.create_task(slow_save(4))
    try:
        async with asyncio.timeout(0.01):
            await asyncio.shield(t)
    except TimeoutError:
        events.append(f"timed out; task done: {t.done()}")
    events.append(f"result later: {await t}")
    events.append(f"shield of a done task: {await asyncio.shield(t)}")
    try:
        await asyncio.wait_for(asyncio.shield(slow_save(5)), 0.01)
    except asyncio.TimeoutError:
        events.append("wait_for timed out, the inner save goes on")
    await asyncio.sleep(0.1)
    print("\n".join(events))


asyncio.run(main())
