# Test-suite style: try/except ImportError SKIP header, task(id, t=0.1) workers appending to a global list.
try:
    import asyncio
except ImportError:
    print("SKIP")
    raise SystemExit

result = []


async def task(id, t=0.1):
    print("task start", id)
    await asyncio.sleep(t)
    result.append(id)
    print("task done", id)
    return id * 10


async def main():
    tasks = []
    for i in range(4):
        tasks.append(asyncio.create_task(task(i, 0.1 * (4 - i))))
    print("created", len(tasks))
    total = 0
    for t in tasks:
        total += await t
    print("order", result)
    print("total", total)


asyncio.run(main())
