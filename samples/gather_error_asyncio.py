# asyncio.gather: the first exception IN TIME propagates at once, while the
# other children keep running. Compare edge_gather_error.py (builtins
# spelling: first error in ARGUMENT order, after all children end).
import asyncio


async def child(name: str, d: float, fail: bool) -> int:
    await asyncio.sleep(d)
    if fail:
        print("child", name, "raises")
        raise ValueError("error from " + name)
    print("child", name, "returns")
    return len(name)


async def main() -> None:
    try:
        r: list[int] = await asyncio.gather(child("a-late", 0.3, True),
                                            child("b-early", 0.1, True),
                                            child("c-slow", 0.5, False))
        print("not reached", r)
    except ValueError as e:
        print("gather raised:", e)
    print("main continues while c-slow and a-late still run")
    await asyncio.sleep(1.0)
    print("main done")


asyncio.run(main())
