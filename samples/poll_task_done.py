# Polling a background task with done() in a loop, then reading result(); a second task is cancelled.
import asyncio


async def compute(n, step=0.25):
    total = 0
    for i in range(n):
        await asyncio.sleep(step)
        total += i
    return total


async def main():
    t = asyncio.create_task(compute(5))
    polls = 0
    while not t.done():
        polls += 1
        await asyncio.sleep(0.3)
        print("poll", polls, "done" if t.done() else "running")
    print("result", t.result(), "after", polls, "polls")
    slow = asyncio.create_task(compute(100))
    await asyncio.sleep(0.6)
    slow.cancel()
    try:
        await slow
    except asyncio.CancelledError:
        print("slow cancelled:", slow.cancelled(), slow.done())


asyncio.run(main())
