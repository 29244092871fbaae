# A timeout cancels a three-deep inline await chain: every finally block
# runs, innermost first, then wait_for raises TimeoutError.
import asyncio


async def level3() -> int:
    try:
        print("level3 sleeping")
        await asyncio.sleep(60.0)
        return 3
    finally:
        print("finally level3")


async def level2() -> int:
    try:
        return await level3() + 2
    finally:
        print("finally level2")


async def level1() -> int:
    try:
        v: int = await level2()
        print("level1 never gets", v)
        return v + 1
    finally:
        print("finally level1")


async def main() -> None:
    try:
        print(await asyncio.wait_for(level1(), 0.5))
    except TimeoutError:
        print("TimeoutError reached main")
    t: asyncio.Task[int] = asyncio.create_task(level1())
    try:
        print(await asyncio.wait_for(t, 0.25))
    except TimeoutError:
        print("TimeoutError again, task cancelled:", t.cancelled())


asyncio.run(main())
