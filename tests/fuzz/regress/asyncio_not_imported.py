async def getter(q: asyncio.Queue, name: str) -> None:
    try:
        item = await q.get()
    except asyncio.CancelledError:
        print(name, "cancelled")
async def main() -> None:
    q = asyncio.Queue()
    g1 = asyncio.create_task(getter(q, "g1"))
    await asyncio.gather(g1, return_exceptions=True)
asyncio.run(main())
