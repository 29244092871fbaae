# MicroPython test-suite style: SKIP header, print-driven checks of wait_for with and without timeout.
try:
    import asyncio
except ImportError:
    print("SKIP")
    raise SystemExit


async def task(id, t=0.1):
    print("task start", id)
    await asyncio.sleep(t)
    print("task end", id)
    return id * 2


async def task_raise():
    print("task_raise")
    raise ValueError


async def main():
    print(await asyncio.wait_for(task(1), 2))
    try:
        print(await asyncio.wait_for(task(2, 10), 0.1))
    except asyncio.TimeoutError:
        print("timeout")
    try:
        await asyncio.wait_for(task_raise(), 1)
    except ValueError:
        print("ValueError")
    print(await asyncio.wait_for(task(3, 0), None))
    print("finish")


asyncio.run(main())
