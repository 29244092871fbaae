# asyncio.Runner: a task started in one run keeps running in the next (the loop is shared), call_later on the runner's loop, and close() at the end of the with block.
import asyncio

ticks = []


async def ticker():
    try:
        while True:
            await asyncio.sleep(0.1)
            ticks.append(round(asyncio.get_running_loop().time(), 1))
    except asyncio.CancelledError:
        print("ticker cancelled after", len(ticks), "ticks")
        raise


async def start():
    asyncio.get_running_loop().create_task(ticker())
    return "started"


async def wait_a_bit(d):
    await asyncio.sleep(d)
    return len(ticks)


with asyncio.Runner() as runner:
    print(runner.run(start()))
    print("ticks after 0.35 s:", runner.run(wait_a_bit(0.35)))
    loop = runner.get_loop()
    print("ticks after 0.2 s more:", runner.run(wait_a_bit(0.2)))
print(ticks)
