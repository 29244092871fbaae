# Issue 17, item 5: a coroutine object dropped without being awaited gives
# CPython's RuntimeWarning on stderr (the location it names differs: see
# docs/LANGUAGE.md).
import asyncio


async def f() -> int:
    return 1


async def main() -> None:
    c = f()
    d = f()
    print("awaited", await d)
    print("end of main")


asyncio.run(main())
print("done")
