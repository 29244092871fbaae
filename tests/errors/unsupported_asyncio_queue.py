# One error for the missing asyncio.Queue, not one per use of the queue.
import asyncio


async def main() -> None:
    q = asyncio.Queue()
    await q.put(1)
    item = await q.get()
    print(item, q.qsize())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("empty")


asyncio.run(main())
