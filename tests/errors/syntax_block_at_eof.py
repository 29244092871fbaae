async def main() -> None:
    n: int = 1
    while n < 3:
