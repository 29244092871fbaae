# asyncio.ensure_future on coroutines, sleep(delay, result) as a value, task names and results collected in completion order through a done callback.
import asyncio

finished = []


async def job(name, delay):
    v = await asyncio.sleep(delay, result=f"{name}-done")
    return v


def record(t):
    finished.append((t.get_name(), t.result()))


async def main():
    tasks = []
    for i, d in enumerate([0.03, 0.01, 0.02]):
        t = asyncio.ensure_future(job(f"j{i}", d))
        t.set_name(f"job{i}")
        t.add_done_callback(record)
        tasks.append(t)
    print(await asyncio.gather(*tasks))
    await asyncio.sleep(0)
    print(finished)
    print(await asyncio.sleep(0, "zero"), await asyncio.sleep(0.01, 42))


asyncio.run(main())
