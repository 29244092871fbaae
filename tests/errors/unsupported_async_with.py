import asyncio


async def main() -> None:
    async with asyncio.timeout(1):
        print("in time")
