# __bool__ and __len__ driving while loops and conditionals; a job queue class drained by workers.
import asyncio


class Jobs:
    def __init__(self, items):
        self.items = list(items)
        self.paused = False

    def __len__(self):
        return len(self.items)

    def __bool__(self):
        return not self.paused and len(self.items) > 0

    def take(self):
        return self.items.pop(0)


async def worker(name, jobs, out):
    while jobs:
        job = jobs.take()
        await asyncio.sleep(job)
        out.append((name, job))


async def main():
    jobs = Jobs([0.3, 0.1, 0.2, 0.1, 0.4])
    out = []
    print(len(jobs), bool(jobs), "non-empty" if jobs else "empty")
    jobs.paused = True
    print(len(jobs), bool(jobs), "non-empty" if jobs else "empty")
    jobs.paused = False
    await asyncio.gather(worker("w1", jobs, out), worker("w2", jobs, out))
    print(out, len(jobs), bool(jobs), not jobs)


asyncio.run(main())
