# asyncc annotate / -Wdynamic test program: a line that ends with "# object"
# must be marked by `asyncc annotate` (it uses a boxed value), every other line
# must not; a line that ends with "# join" (also marked) must carry a
# -Wdynamic warning.  tests/test_annotate.py checks both.
import asyncio


async def reading(i):
    await asyncio.sleep(0.01)
    if i == 0:
        return "offline"
    return i * 1.5  # join


def label(n):
    return "many" if n > 2 else n  # join


def scale(x: float):
    return x * 2


async def main():
    total = 0  # object
    for i in range(4):
        r = await reading(i)  # object
        if isinstance(r, float):  # object
            total += r  # join
    print(total, label(1), label(5))  # object
    row = [1, "a", 2.5]  # join
    print(row)  # object
    count = 0
    for x in range(3):
        count += x
    print(count, scale(2), scale(0.5))
    both = await asyncio.gather(reading(0), reading(1))  # object
    print(both)  # object


asyncio.run(main())
