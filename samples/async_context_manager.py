# async with on a user class: await inside __aenter__ and __aexit__, exception passed to __aexit__.
import asyncio

pool = {"free": 2, "log": []}


class Lease:
    def __init__(self, who):
        self.who = who

    async def __aenter__(self):
        while pool["free"] == 0:
            await asyncio.sleep(0.05)
        pool["free"] -= 1
        pool["log"].append("+" + self.who)
        await asyncio.sleep(0.01)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.01)
        pool["free"] += 1
        pool["log"].append("-" + self.who)
        if exc_type is not None:
            print(self.who, "released after", exc_type.__name__ + ":", exc)
        return False


async def use(who, work, fail=False):
    try:
        async with Lease(who) as lease:
            await asyncio.sleep(work)
            if fail:
                raise RuntimeError("crashed while holding the lease")
            print(lease.who, "done")
    except RuntimeError:
        print(who, "handled the crash")


async def main():
    await asyncio.gather(use("a", 0.2), use("b", 0.1, fail=True), use("c", 0.1), use("d", 0.05))
    print(pool)


asyncio.run(main())
