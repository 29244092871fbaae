# Task done-callbacks built as closures in a loop (default-argument capture), plus results collected by a closure.
import asyncio


def make_collector():
    results = {}

    def collect(name, task):
        if task.cancelled():
            results[name] = "cancelled"
        elif task.exception() is not None:
            results[name] = "error: " + str(task.exception())
        else:
            results[name] = task.result()

    return results, collect


async def job(n):
    await asyncio.sleep(0.1 * n)
    if n == 2:
        raise RuntimeError("two is bad")
    return n * n


async def main():
    results, collect = make_collector()
    tasks = []
    for n in range(4):
        t = asyncio.create_task(job(n))
        t.add_done_callback(lambda t, name=f"job{n}": collect(name, t))
        tasks.append(t)
    tasks[3].cancel()
    await asyncio.wait(tasks)
    await asyncio.sleep(0)
    print(results)
    print(sorted(results, key=lambda k: str(results[k])))


asyncio.run(main())
