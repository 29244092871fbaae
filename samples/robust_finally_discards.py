# break, continue and return in a finally block discard the exception that
# was on its way out; it was leaked (found by tests/test_oom.py).
import asyncio


def brk(n: int) -> int:
    for i in range(3):
        try:
            if i == n:
                raise ValueError(str(i))
        finally:
            if i == 1:
                break
    return -1


def cont(n: int) -> int:
    count = 0
    for i in range(4):
        try:
            if i % 2 == n:
                raise KeyError(i)
            count += 1
        finally:
            continue
    return count


def ret(n: int) -> int:
    try:
        if n:
            raise IndexError("x")
        return 1
    finally:
        for j in range(2):
            if j == 1:
                break
        return 2


async def aret(n: int) -> int:
    try:
        await asyncio.sleep(0)
        if n:
            raise RuntimeError("y")
    finally:
        await asyncio.sleep(0)
        return 3


async def main() -> None:
    print(brk(1), brk(5), cont(0), cont(1), ret(0), ret(1))
    print(await aret(0), await aret(1))


asyncio.run(main())
