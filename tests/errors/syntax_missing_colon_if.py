async def main() -> None:
    n: int = 3
    if n > 2
        print(n)
