# An exception raised in a task is re-raised in whoever awaits it; other
# tasks keep running.
import asyncio


class Broken(Exception):
    pass


async def fragile(n: int) -> int:
    await asyncio.sleep(n * 0.1)
    if n % 2 == 1:
        raise Broken(f"task {n} broke")
    print("task", n, "ok")
    return n


async def main() -> None:
    ts: list[asyncio.Task[int]] = []
    for n in range(5):
        ts.append(asyncio.create_task(fragile(n)))
    ok: int = 0
    for t in ts:
        try:
            ok += await t
        except Broken as e:
            print("caught", e)
    print("sum of ok", ok)


asyncio.run(main())
