# Issue 17, item 5: str() and repr() of a coroutine object as CPython prints
# them (the address differs, so only its start is printed).
import asyncio


async def f() -> int:
    return 1


async def main() -> None:
    c = f()
    s = str(c)
    print(s[:22], s[-1])
    r = repr(c)
    print(r[:22], r == s)
    print(await c)
    print(str(c)[:22])
    t = asyncio.create_task(f())
    print(str(t)[:5])
    await t


asyncio.run(main())
