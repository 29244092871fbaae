# A queue's items are typed by what the program puts: all ints make int items (a str method on one is an error).
import asyncio


async def produce(q: asyncio.Queue) -> None:
    for i in range(3):
        await q.put(i * 2)


async def main() -> None:
    q = asyncio.Queue(5)
    await produce(q)
    q.put_nowait(7)
    item = await q.get()
    print(item.upper())
    first: str = q.get_nowait()
    print(first)


asyncio.run(main())
