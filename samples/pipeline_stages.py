# Three-stage pipeline connected by queues; each stage transforms values (int -> float -> str).
import asyncio


async def source(out_q, n):
    for i in range(1, n + 1):
        await out_q.put(i)
        await asyncio.sleep(0.01)
    await out_q.put(None)


async def halve(in_q, out_q):
    while (x := await in_q.get()) is not None:
        await out_q.put(x / 2)
    await out_q.put(None)


async def label(in_q, results):
    while True:
        x = await in_q.get()
        if x is None:
            break
        results.append(f"<{x:.1f}>")


async def main():
    q1, q2 = asyncio.Queue(), asyncio.Queue(maxsize=1)
    results = []
    await asyncio.gather(source(q1, 5), halve(q1, q2), label(q2, results))
    print(results)
    print(" ".join(results))


asyncio.run(main())
