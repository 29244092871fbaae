async def tick(n: int) -> None:
    print(n)


async def main() -> None:
    for i in range(3)
        await tick(i)
