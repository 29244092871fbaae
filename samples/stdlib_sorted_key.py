# sorted/min/max with key= a named def, len or abs, and reverse=: stable,
# as CPython; gather(*(generator)) spreads a generator's coroutines.
import asyncio


def by_delay(job: tuple[str, float]):
    return job[1]


def by_name_len(job: tuple[str, float]):
    return len(job[0])


def last_char(s: str):
    return s[-1]


async def run_job(job: tuple[str, float]):
    await asyncio.sleep(job[1])
    return job[0]


async def main():
    jobs = [("compile", 0.3), ("test", 0.1), ("lint", 0.1), ("package", 0.2), ("doc", 0.3)]
    print(sorted(jobs, key=by_delay))
    print(sorted(jobs, key=by_delay, reverse=True))
    print(sorted(jobs, key=by_name_len))
    print("first:", min(jobs, key=by_delay), "last:", max(jobs, key=by_delay))
    print("longest name:", max(jobs, key=by_name_len))
    done = await asyncio.gather(*[run_job(j) for j in sorted(jobs, key=by_delay)])
    print(done)
    print(sorted(done, key=last_char), sorted("asyncio", key=last_char))
    print(sorted(done, key=len), max(done, key=len), min(done, key=len))
    offsets = await asyncio.gather(*(run_job((name, 0.01)) for name in ["x", "yy"]))
    deltas = [3, -7, 0, 7, -3]
    jobs.sort(key=by_name_len, reverse=True)
    print(jobs)
    print(offsets, sorted(deltas, key=abs), max(deltas, key=abs), min([-2.5, 1.5], key=abs))


asyncio.run(main())
