# asyncio.Semaphore limiting concurrency to 2; the number running at once is tracked in a global.
import asyncio

running = 0
max_running = 0


async def download(sem, id, t=0.1):
    global running, max_running
    async with sem:
        running += 1
        max_running = max(max_running, running)
        print("start", id, "running", running)
        await asyncio.sleep(t)
        running -= 1
        print("end", id)
    return id


async def main():
    sem = asyncio.Semaphore(2)
    ids = await asyncio.gather(*[download(sem, i, 0.1 * (i % 3 + 1)) for i in range(6)])
    print("ids", ids, "max running", max_running)


asyncio.run(main())
