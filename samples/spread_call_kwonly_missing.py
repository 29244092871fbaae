# Keyword-only parameters fed from dicts built at run time: missing, extra and duplicate keywords caught as TypeError.
import asyncio


class Job:
    def __init__(self, name, *, priority, tags=()):
        self.name, self.priority, self.tags = name, priority, tags

    def __repr__(self):
        return f"Job({self.name!r}, priority={self.priority}, tags={self.tags})"


async def submit(queue, *jobs, **defaults):
    for spec in jobs:
        try:
            job = Job(**defaults, **spec)
        except TypeError as e:
            print("rejected:", e)
            continue
        await queue.put(job)


async def main():
    q = asyncio.Queue()
    await submit(q, {"name": "a"}, {"name": "b", "tags": ("t",)}, {"name": "c", "owner": "x"}, priority=1)
    await submit(q, {"name": "b2", "priority": 5}, priority=1)
    await submit(q, {"name": "d"})
    await submit(q, {"priority": 2, "tags": ("x", "y"), "name": "e"})
    while not q.empty():
        print(await q.get())
    names = ["f", "g"]
    try:
        Job(*names, priority=3)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
