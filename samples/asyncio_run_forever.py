# A loop of its own: run_forever until a callback stops it, tasks made by loop.create_task, run_until_complete, close.
import asyncio

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
ticks = []


def tick(n):
    ticks.append(n)
    print("tick", n, "at", loop.time())
    if n == 3:
        loop.stop()


async def worker(name, delay):
    await asyncio.sleep(delay)
    print(name, "done")
    return name


async def starter():
    lp = asyncio.get_event_loop()
    t = lp.create_task(worker("w1", 0.25))
    for i in range(1, 5):
        lp.call_later(0.1 * i, tick, i)
    return t


task = loop.run_until_complete(starter())
print("started", task.done())
loop.run_forever()
print("stopped with ticks", ticks, "task done:", task.done())
print("result", loop.run_until_complete(task))
loop.close()
print("closed", loop.is_closed())
try:
    loop.run_forever()
except RuntimeError as e:
    print("RuntimeError:", e)
