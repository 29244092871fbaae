# Duck typing with hasattr/isinstance/type(x).__name__ on values of several builtin types passed to one function.
import asyncio


def size_of(x):
    if hasattr(x, "__len__"):
        return len(x)
    if isinstance(x, bool):
        return 1 if x else 0
    if isinstance(x, (int, float)):
        return abs(x)
    return -1


def kind(x):
    name = type(x).__name__
    can_append = hasattr(x, "append")
    can_upper = hasattr(x, "upper")
    return f"{name}(append={can_append}, upper={can_upper})"


async def inspect_later(x, delay=0.01):
    await asyncio.sleep(delay)
    return kind(x), size_of(x)


async def main():
    values = [[1, 2, 3], "hello", 42, -2.5, (1,), True, None, {"a": 1}]
    for k, s in await asyncio.gather(*[inspect_later(v) for v in values]):
        print(f"{k:<40} size={s}")


asyncio.run(main())
