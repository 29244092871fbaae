import asyncio


async def main() -> None:
    async with asyncio.TaskGroup() as tg:
        print(tg)
