import asyncio


def parse(s: str) -> int:
    return int(s)


def total(items: list[str]) -> int:
    n = 0
    for s in items:
        n += parse(s)
    return n


async def main() -> None:
    print(total(["1", "2", "x"]))


asyncio.run(main())
