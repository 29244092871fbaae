import asyncio


def check(x: int) -> int:
    if x < 0:
        raise ValueError("negative")
    return x


def bare(x: int) -> int:
    try:
        return check(x)
    except ValueError:
        print("bare raise keeps the frames")
        raise


def named(x: int) -> int:
    try:
        return bare(x)
    except ValueError as e:
        print("raise e adds this line")
        raise e


async def main() -> None:
    try:
        named(-1)
    finally:
        print("finally")


asyncio.run(main())
