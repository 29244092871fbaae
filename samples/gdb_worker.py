# Used by tests/test_gdb.sh: gdb stops at a .py line inside an async def,
# after an await, and sees the locals (line numbers matter: keep them).
import asyncio


async def worker(n: int) -> int:
    total = 0
    for i in range(n):
        await asyncio.sleep(0.01)
        total += i
    return total


async def main() -> None:
    print("total", await worker(4))


asyncio.run(main())
