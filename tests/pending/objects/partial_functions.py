# functools.partial over plain functions, bound methods and classes; partials stored in a dict and run from tasks.
import asyncio
import functools


def power(base, exp):
    return base ** exp


class Greeter:
    def __init__(self, greeting):
        self.greeting = greeting

    def greet(self, name, punct="!"):
        return f"{self.greeting}, {name}{punct}"


async def run_later(fn, delay, *args):
    await asyncio.sleep(delay)
    return fn(*args)


async def main():
    square = functools.partial(power, exp=2)
    two_to = functools.partial(power, 2)
    print(square(7), two_to(10), list(map(square, range(5))), [two_to(e) for e in (0, 1, 3)])
    hello = functools.partial(Greeter("Hello").greet, punct="?")
    table = {"sq": square, "pow2": two_to, "hi": hello, "make": functools.partial(Greeter, "Hey")}
    results = await asyncio.gather(run_later(table["sq"], 0.2, 9), run_later(table["pow2"], 0.1, 5),
                                   run_later(table["hi"], 0.3, "ann"))
    print(results)
    print(table["make"]().greet("bob"), square.args, square.keywords, two_to.func is power)
    print(sorted(["b", "a", "c"], key=functools.partial(str.find, "cab")))


asyncio.run(main())
