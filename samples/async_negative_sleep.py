# A negative sleep acts as sleep(0): one scheduler round, no timer.
import asyncio


async def other(name: str) -> int:
    for i in range(3):
        print(name, i)
        await asyncio.sleep(0)
    return 0


async def main() -> None:
    a: asyncio.Task[int] = asyncio.create_task(other("a"))
    b: asyncio.Task[int] = asyncio.create_task(other("b"))
    print("main before")
    await asyncio.sleep(-5.0)
    print("main after -5.0")
    await asyncio.sleep(-0.001)
    print("main after -0.001")
    await asyncio.sleep(0.0)
    print("main after 0.0")
    await a
    await b
    print("end")


asyncio.run(main())
