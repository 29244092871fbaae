# Recursive coroutines whose frames come from the runtime's frame pool:
# object results (str, list) handed up through every level, an exception
# raised at the bottom unwinding each level's frame, and a task cancelled
# while suspended five levels down.
import asyncio


async def path(n: int) -> str:
    if n == 0:
        await asyncio.sleep(0.1)
        return "root"
    above: str = await path(n - 1)
    return above + "/" + str(n)


async def collect(n: int) -> list[int]:
    if n == 0:
        return []
    rest: list[int] = await collect(n - 1)
    rest.append(n * n)
    return rest


async def explode(n: int) -> int:
    if n == 0:
        raise ValueError("bottom reached")
    try:
        return await explode(n - 1) + 1
    finally:
        if n % 2 == 0:
            print("unwinding level", n)


async def sleeper(n: int) -> int:
    if n == 0:
        try:
            await asyncio.sleep(10.0)
        finally:
            print("bottom sleeper cleaned up")
        return 0
    return await sleeper(n - 1) + 1


async def main() -> None:
    print(await path(4))
    print(await collect(6))
    try:
        print(await explode(5))
    except ValueError as e:
        print("caught:", e)
    t: asyncio.Task[int] = asyncio.create_task(sleeper(5))
    await asyncio.sleep(1.0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("sleeper cancelled:", t.cancelled())
    print(await path(2), await collect(2))


asyncio.run(main())
