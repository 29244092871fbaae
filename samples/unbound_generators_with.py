# Possibly unbound locals in generators and async generators (the flag lives
# in the frame), a with block whose manager swallowed the exception before
# the store, while/else, and a free variable two closures deep.
import asyncio


def gen(n):
    for i in range(n):
        if i % 2:
            odd = i
        yield i
    try:
        yield odd
    except UnboundLocalError as e:
        print("gen:", e)


async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        got = i
        yield got
    try:
        yield got * 10
    except UnboundLocalError as e:
        print("agen:", e)


def two_levels():
    def middle():
        def inner():
            return late
        return inner
    f = middle()
    try:
        f()
    except NameError as e:
        print("inner:", e)
    late = "now"
    return f()


class Res:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return True


def with_suppress():
    with Res():
        raise ValueError("x")
        val = 1
    try:
        return val
    except UnboundLocalError as e:
        return str(e)


def while_else(n):
    while n > 0:
        n -= 1
        if n == 10:
            hit = n
            break
    else:
        return "no hit"
    return hit


async def main():
    print(list(gen(3)), list(gen(1)))
    print([x async for x in agen(2)], [x async for x in agen(0)])


print(two_levels(), with_suppress(), while_else(3), while_else(12))
asyncio.run(main())
