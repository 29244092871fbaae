# Polling a list of pending jobs with the walrus operator, as scripts do.
import asyncio

pending = ["fetch", "parse", "store"]
done = []


async def next_job():
    await asyncio.sleep(0.05)
    return pending.pop(0) if pending else None


async def main():
    while (job := await next_job()) is not None:
        print("running", job)
        done.append(job.upper())
    print("done:", ", ".join(done))
    lengths = [n for j in done if (n := len(j)) > 4]
    print("long names:", lengths)


asyncio.run(main())
