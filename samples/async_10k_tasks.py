# 10,000 concurrent tasks with staggered sleeps; only a checksum and a few
# milestones are printed.
import asyncio

finished: int = 0


async def worker(i: int) -> int:
    global finished
    await asyncio.sleep((i % 7) * 0.01)
    await asyncio.sleep(0)
    finished += 1
    if finished % 2500 == 0:
        print("finished", finished, "last", i)
    return (i * 31 + 7) % 1009


async def main() -> None:
    tasks: list[asyncio.Task[int]] = []
    for i in range(10000):
        tasks.append(asyncio.create_task(worker(i)))
    print("created", len(tasks))
    check: int = 0
    for t in tasks:
        check = (check * 3 + await t) % 1000000007
    print("checksum", check)
    done: int = len([t for t in tasks if t.done()])
    print("all done", finished, done)


asyncio.run(main())
