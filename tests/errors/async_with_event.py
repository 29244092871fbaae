# async with needs acquire/release: an Event has neither.
import asyncio


async def main() -> None:
    ev = asyncio.Event()
    async with ev:
        print("set")
    lock = asyncio.Lock()
    async with lock as got:
        print(got)
