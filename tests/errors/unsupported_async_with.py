async def main() -> None:
    async with lock:
        print("locked")
