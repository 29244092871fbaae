import asyncio


def main() -> None:
    await asyncio.sleep(1)
