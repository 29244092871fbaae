# Runtime error: set.remove of an absent element -> KeyError: 7 (discard would have been silent).
import asyncio

active = set()


async def session(uid, length):
    active.add(uid)
    await asyncio.sleep(length)
    active.remove(uid)
    print("closed", uid, "active", sorted(active))


async def main():
    await asyncio.gather(session(3, 0.2), session(5, 0.1), session(1, 0.3))
    active.discard(7)
    print("after discard", active)
    active.remove(7)


asyncio.run(main())
