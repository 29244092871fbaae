# asyncio.Runner: several runs share one loop (its clock and its pending tasks); close() cancels what is left.
import asyncio

log = []


async def ticker(name, n):
    for i in range(n):
        await asyncio.sleep(0.25)
        log.append(f"{name}{i}")
    return name * n


async def background():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print("background cancelled by close()")
        raise


async def start_background():
    asyncio.get_running_loop().create_task(background())
    await asyncio.sleep(0)
    return "started"


with asyncio.Runner() as runner:
    print(runner.run(ticker("a", 2)))
    loop = runner.get_loop()
    print("time after first run", loop.time())
    print(runner.run(start_background()))
    print(runner.run(ticker("b", 3)))
    print("time after third run", loop.time())
    print(log)
print("runner closed")
try:
    runner.get_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
