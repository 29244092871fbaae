# *args/**kwargs forwarded through a decorator's wrapper, a closure and a dict of handlers, with spreads of run-time length.
import asyncio


def logged(fn):
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        return fn(*args, **kwargs)
    return wrapper


@logged
def area(w, h=1):
    return w * h


def make_adder(base):
    def add(*xs, scale=1):
        return (base + sum(xs)) * scale
    return add


async def fetch(name, delay=0.01, *, retries=0):
    await asyncio.sleep(delay)
    return f"{name}:{retries}"


async def main():
    dims = [3, 4]
    print(area(*dims))
    print(area(5))
    opts = {"h": 6}
    print(area(2, **opts))
    add = make_adder(10)
    vals = [1, 2, 3]
    print(add(*vals))
    print(add(*vals, scale=2))
    print(add(*vals, **{"scale": 3}))
    jobs = [("a",), ("b", 0.02), ("c", 0.01)]
    settings = [{}, {"retries": 2}, {"retries": 1}]
    coros = [fetch(*j, **s) for j, s in zip(jobs, settings)]
    print(await asyncio.gather(*coros))
    handlers = {"area": area, "add": add}
    for name, args in [("area", [7, 2]), ("add", [1, 1])]:
        print(name, handlers[name](*args))
    try:
        await fetch(*["x", 0.01, 3])
    except TypeError as e:
        print("TypeError:", e)
    try:
        add(*vals, bogus=1)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
