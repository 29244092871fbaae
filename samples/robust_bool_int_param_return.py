# Issue 17, item 5: bool is a subclass of int.  A bool passed where an int
# parameter is declared, or returned by a function declared `-> int`, is
# still a bool where it is printed (True, not 1), as in CPython.
# asyncc: strip-differs a def that only raises has no return to infer its type from: unannotated it is None, and `only_raises() + 1` is rejected
import asyncio


def show(x: int) -> None:
    print(x, x + 1, [x])


def ident(x: int) -> int:
    return x


def bump(n: int) -> int:
    n = n + 10  # a bool parameter that becomes an int
    return n


def is_big(n: int) -> int:
    return n > 2


def either(n: int) -> int:
    if n > 0:
        return n
    return n == 0  # int in one branch, bool in the other


def only_raises() -> int:
    raise ValueError("no value")


def only_raises_float() -> float:
    raise ValueError("no float")


class Counter:
    def __init__(self) -> None:
        self.total = 0

    def add(self, k: int) -> int:
        self.total += k
        return k


async def check(v: int) -> int:
    await asyncio.sleep(0)
    return v >= 0


async def main() -> None:
    show(True)
    show(7)
    print(ident(False), ident(4), ident(True) + 1)
    print(bump(True), bump(1))
    print(is_big(5), is_big(1))
    print(either(3), either(0), either(-1))
    c = Counter()
    print(c.add(True), c.add(2), c.total)
    print(await check(1), await check(-1))
    try:
        print(only_raises() + 1)
    except ValueError as e:
        print("ValueError", e)
    try:
        print(only_raises_float() + 1.0)
    except ValueError as e:
        print("ValueError", e)
    x: int = True
    print(x)
    x = 5
    print(x)


asyncio.run(main())
