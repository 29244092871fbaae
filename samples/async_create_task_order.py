# create_task does not run the task: it starts only after its creator yields,
# and tasks start in creation order.
import asyncio


async def child(name: str) -> int:
    print("child", name, "starts")
    await asyncio.sleep(0)
    print("child", name, "resumes")
    return len(name)


async def main() -> None:
    print("main creates a")
    a: asyncio.Task[int] = asyncio.create_task(child("a"))
    print("main creates bb")
    b: asyncio.Task[int] = asyncio.create_task(child("bb"))
    print("main still running, a done?", a.done())
    x: int = 0
    for i in range(1000):
        x += i
    print("main computed", x, "without yielding")
    await asyncio.sleep(0)
    print("main after first yield")
    c: asyncio.Task[int] = asyncio.create_task(child("ccc"))
    await asyncio.sleep(0)
    print("main after second yield")
    print(await a, await b, await c)


asyncio.run(main())
