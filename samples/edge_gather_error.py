# Builtins gather: waits until EVERY child has terminated, then raises the
# first error in ARGUMENT order. Same children as gather_error_asyncio.py,
# where the other error wins.


async def child(name: str, d: float, fail: bool) -> int:
    await sleep(d)
    if fail:
        print("child", name, "raises")
        raise ValueError("error from " + name)
    print("child", name, "returns")
    return len(name)


async def main() -> int:
    try:
        r: list[int] = await gather(child("a-late", 0.3, True),
                                    child("b-early", 0.1, True),
                                    child("c-slow", 0.5, False))
        print("not reached", r)
    except ValueError as e:
        print("gather raised:", e)
    ok: list[int] = await gather(child("x", 0.2, False), child("yy", 0.1, False))
    print("all fine", ok)
    return 0


run(main())
