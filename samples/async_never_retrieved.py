# A task whose exception nobody retrieves: the program still exits 0, and
# "Task exception was never retrieved" is reported on stderr, ending with the
# exception's last line.
import asyncio


async def doomed(n: int) -> int:
    print("doomed starts", n)
    await asyncio.sleep(0.1)
    raise ValueError(f"nobody listens to {n}")


async def fine() -> int:
    await asyncio.sleep(0.2)
    print("fine finishes")
    return 1


async def main() -> None:
    t: asyncio.Task[int] = asyncio.create_task(doomed(7))
    f: asyncio.Task[int] = asyncio.create_task(fine())
    await asyncio.sleep(0.5)
    print("main sees doomed done:", t.done())
    print("main awaits fine:", await f)


asyncio.run(main())
print("program ends normally")
