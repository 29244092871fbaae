# functools.partial (import and from-import) with positional and keyword arguments, partials in a dict
# called through *args, str.lower/str.upper as values, @functools.wraps on an async *args/**kwargs wrapper.
import asyncio
import functools
from functools import partial


def power(base, exp):
    return base ** exp


def greet(greeting, name, punct="!"):
    return f"{greeting}, {name}{punct}"


async def run_later(fn, delay, *args):
    await asyncio.sleep(delay)
    return fn(*args)


def logged(fn):
    @functools.wraps(fn)
    async def wrapper(*args, **kwargs):
        print("->", fn.__name__, args, kwargs)
        result = await fn(*args, **kwargs)
        print("<-", fn.__name__, result)
        return result
    return wrapper


@logged
async def add(a, b, delay=0.1):
    await asyncio.sleep(delay)
    return a + b


async def main():
    square = functools.partial(power, exp=2)
    two_to = partial(power, 2)
    print(square(7), two_to(10), list(map(square, range(5))), [two_to(e) for e in (0, 1, 3)])
    hello = partial(greet, "Hello", punct="?")
    print(hello("ann"), hello("bob", punct="."))
    table = {"sq": square, "pow2": two_to}
    results = await asyncio.gather(run_later(table["sq"], 0.2, 9), run_later(table["pow2"], 0.1, 5))
    print(results)
    print(sorted(["bb", "a", "ccc"], key=len))
    print(sorted(["Banana", "apple", "Cherry"], key=str.lower), list(map(str.upper, ["x", "y"])))
    print(await add(1, 2), await add(3, 4, delay=0.05), add.__name__, power.__name__)


asyncio.run(main())
