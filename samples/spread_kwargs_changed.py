# A **kwargs dict changed (or copied and changed) before it is forwarded: the callee sees the keys it holds when the call runs.
import asyncio


def f(a, b=2, **rest):
    return (a, b, sorted(rest))


def with_default(**kwargs):
    kwargs.setdefault("b", 5)
    return f(**kwargs)


def with_item(**kwargs):
    kwargs["b"] = 7
    return f(**kwargs)


def with_copy(**kwargs):
    extra = dict(kwargs)
    extra["c"] = 1
    return f(**extra)


def without(**kwargs):
    kwargs.pop("z", 0)
    return f(**kwargs)


async def main():
    print(with_default(a=1))
    print(with_default(a=1, b=3))
    print(with_item(a=1))
    print(with_copy(a=1, b=3))
    print(without(a=2, z=9, y=8))
    await asyncio.sleep(0)
    try:
        with_item(b=1)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
