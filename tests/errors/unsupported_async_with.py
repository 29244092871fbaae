import asyncio


async def main() -> None:
    async with asyncio.Semaphore(2) as sem:
        print(sem)
