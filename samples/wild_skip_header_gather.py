# Test-suite style: skip when asyncio is missing, then gather workers that mutate a global counter.
try:
    import asyncio
except ImportError:
    print("SKIP")
    raise SystemExit

counter = 0
log = []


async def worker(id, t=0.1):
    global counter
    await asyncio.sleep(t)
    counter += id
    log.append("worker %d done after %.2f" % (id, t))
    return id * 10


async def main():
    tasks = []
    for i in range(1, 5):
        tasks.append(asyncio.create_task(worker(i, 0.05 * (5 - i))))
    results = await asyncio.gather(*tasks)
    print("results:", results)
    print("counter:", counter)
    for line in log:
        print(line)


asyncio.run(main())
