# Seeded queue stress (issue 15): N tasks, nine producers to one
# consumer, pass items through small bounded queues while random tasks are
# cancelled.  Every item a producer put is taken exactly once (a put or get
# cancelled while waiting moves no item).  The summary is compared with
# CPython (reference runner, virtual clock) at N = 2,000 and checked at
# N = 100,000 under AddressSanitizer/LeakSanitizer (tests/test_stress.sh).
import asyncio

N: int = 2000
QUEUES: int = 4
PER: int = 5
seed: int = 20261130
put_count: list[int] = []
got_count: list[int] = []
stats: list[int] = [0, 0, 0, 0]  # puts, gets, producers cancelled, consumers cancelled


def rnd() -> int:
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed // 65536


async def producer(k: int, q: asyncio.Queue) -> None:
    try:
        for j in range(PER):
            item = k * PER + j
            await q.put(item)
            put_count[item] += 1
            stats[0] += 1
            if rnd() % 4 == 0:
                await asyncio.sleep(0)
    except asyncio.CancelledError:
        stats[2] += 1
        raise


async def consumer(q: asyncio.Queue) -> None:
    try:
        while True:
            item = await q.get()
            got_count[item] += 1
            stats[1] += 1
            q.task_done()
            await asyncio.sleep(0.01 * (rnd() % 4))
    except asyncio.CancelledError:
        stats[3] += 1
        raise


async def main() -> None:
    ncons = N // 10
    nprod = N - ncons
    for _ in range(nprod * PER):
        put_count.append(0)
        got_count.append(0)
    queues = [asyncio.Queue(4) for _ in range(QUEUES)]
    producers = [asyncio.create_task(producer(k, queues[k % QUEUES])) for k in range(nprod)]
    consumers = [asyncio.create_task(consumer(queues[k % QUEUES])) for k in range(ncons)]
    for _ in range(N // 10):
        await asyncio.sleep((rnd() % 10) / 10000.0)
        if rnd() % 3 != 0:
            producers[rnd() % nprod].cancel()
        else:
            victim = rnd() % ncons
            if victim >= QUEUES:  # the first consumer of each queue stays
                consumers[victim].cancel()
    await asyncio.gather(*producers, return_exceptions=True)
    for q in queues:
        await q.join()
    left = sum(q.qsize() for q in queues)
    in_run = stats[3]
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    twice = sum(1 for c in got_count if c > 1)
    lost = sum(1 for i in range(len(put_count)) if put_count[i] != got_count[i])
    print("put", stats[0], "taken", stats[1], "left", left, "lost", lost, "twice", twice)
    print("cancelled producers", stats[2], "consumers", in_run, "tasks", N)


asyncio.run(main())
