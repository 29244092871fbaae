async def main() -> None:
    async for x in stream():
        print(x)
