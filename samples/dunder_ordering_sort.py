# __lt__/__le__/__gt__/__ge__ on a Task-like class: sorted(), min(), max() and comparisons.
import asyncio


class Job:
    def __init__(self, name, priority):
        self.name = name
        self.priority = priority

    def __lt__(self, other):
        return (self.priority, self.name) < (other.priority, other.name)

    def __le__(self, other):
        return not other < self

    def __gt__(self, other):
        return other < self

    def __ge__(self, other):
        return not self < other

    def __repr__(self):
        return f"<{self.name}:{self.priority}>"


async def run(job):
    await asyncio.sleep(job.priority / 10)
    print("ran", job)
    return job


async def main():
    jobs = [Job("build", 3), Job("test", 2), Job("lint", 2), Job("deploy", 5)]
    print(sorted(jobs))
    print(min(jobs), max(jobs), Job("a", 1) <= Job("a", 1), Job("b", 1) > Job("a", 1))
    done = await asyncio.gather(*[run(j) for j in sorted(jobs, reverse=True)])
    print(done)
    print(sorted(done, key=lambda j: j.name))


asyncio.run(main())
