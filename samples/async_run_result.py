# asyncio.run returns main's result; it can be called several times, each
# with its own fresh loop.
import asyncio


async def square(n: int) -> int:
    await asyncio.sleep(0.1)
    return n * n


async def main(n: int) -> int:
    t: asyncio.Task[int] = asyncio.create_task(square(n))
    s: int = await square(n + 1)
    return s + await t


async def words() -> str:
    await asyncio.sleep(0)
    return "from run"


def sync_part(k: int) -> int:
    return asyncio.run(main(k)) + 1


if __name__ == "__main__":
    r: int = asyncio.run(main(3))
    print("asyncio.run returned", r)
    print("second run", asyncio.run(main(10)))
    print("via sync function", sync_part(2))
    w: str = asyncio.run(words())
    print(w.upper())
