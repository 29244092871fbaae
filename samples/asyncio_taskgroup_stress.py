# Many TaskGroups with random failures, timeouts, shields and waits: every task accounted for (checked under ASan).
import asyncio
import random

random.seed(7)
done_count = 0
cancelled_count = 0


async def leaf(n, delay, fail):
    global done_count, cancelled_count
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        cancelled_count += 1
        raise
    if fail:
        raise ValueError(n)
    done_count += 1
    return n


async def group(g):
    results = []
    failed = 0
    try:
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(leaf(g * 100 + i, random.randint(1, 20) / 100, random.random() < 0.05))
                     for i in range(random.randint(1, 30))]
        results = [t.result() for t in tasks]
    except* ValueError as eg:
        failed = len(eg.exceptions)
    return -failed if failed else len(results)


async def main():
    outcomes = []
    for batch in range(10):
        tasks = [asyncio.create_task(group(batch * 10 + k)) for k in range(10)]
        done, pending = await asyncio.wait(tasks, timeout=0.15)
        for t in pending:
            t.cancel()
        for t in tasks:
            try:
                outcomes.append(await asyncio.shield(t))
            except asyncio.CancelledError:
                outcomes.append(None)
    print("groups ok:", sum(1 for o in outcomes if o is not None and o > 0))
    print("groups failed:", sum(1 for o in outcomes if o is not None and o < 0))
    print("groups cancelled:", sum(1 for o in outcomes if o is None))
    print("leaves done:", done_count, "cancelled:", cancelled_count)
    print("tasks left:", len(asyncio.all_tasks()))


asyncio.run(main())
