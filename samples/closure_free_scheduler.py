# A hand-written round-robin scheduler over a list of job descriptions (tuples), no classes.
import asyncio

jobs = [("compile", 3, 0.2), ("test", 2, 0.3), ("lint", 1, 0.1), ("docs", 2, 0.05)]
timeline = []


async def run_job(name, steps, step_time):
    loop = asyncio.get_running_loop()
    for s in range(steps):
        await asyncio.sleep(step_time)
        timeline.append((round(loop.time(), 2), name, s))
    return name


async def main():
    finished = []
    pending = [asyncio.create_task(run_job(*j)) for j in jobs]
    while pending:
        done, still = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        for t in sorted(done, key=pending.index):
            finished.append(t.result())
        pending = [t for t in pending if t in still]
    print("finished", finished)
    for entry in timeline:
        print(*entry)


asyncio.run(main())
