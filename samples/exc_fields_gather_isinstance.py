# Exceptions with fields and methods collected by gather(return_exceptions=True), narrowed by isinstance() to read their fields.
import asyncio


class JobError(Exception):
    def __init__(self, job, attempt):
        super().__init__(f"job {job} failed on attempt {attempt}")
        self.job = job
        self.attempt = attempt

    def retryable(self):
        return self.attempt < 3


class FatalJobError(JobError):
    pass


async def run(job, attempt):
    await asyncio.sleep(0.01 * job)
    if job % 3 == 0:
        raise FatalJobError(job, attempt)
    if job % 2 == 0:
        raise JobError(job, attempt)
    return job * 10


async def main():
    results = await asyncio.gather(*(run(j, j % 4) for j in range(1, 7)), return_exceptions=True)
    print(results)
    for r in results:
        if isinstance(r, FatalJobError):
            print("fatal", r.job, r.args)
        elif isinstance(r, JobError):
            print("job error", r.job, r.attempt, r.retryable(), str(r))
        else:
            print("ok", r)
    errors = [r for r in results if isinstance(r, Exception)]
    print(len(errors), [type(e).__name__ for e in errors])


asyncio.run(main())
