# Decorators as plain functions (sync and async wrappers, a decorator factory), a dict and a list of
# handlers with different defs, nested async workers with nonlocal state, closures returned by functions.
import asyncio
import time

log = []


def logged(fn):
    def wrapper(x):
        log.append(f"call {x}")
        r = fn(x)
        log.append(f"got {r}")
        return r
    return wrapper


def timed(label):
    def deco(fn):
        async def wrapper(n):
            start = time.monotonic()
            r = await fn(n)
            print(label, n, "->", r, round(time.monotonic() - start, 2))
            return r
        return wrapper
    return deco


@logged
def double(x):
    return x * 2


@timed("slow")
async def slow_square(n):
    await asyncio.sleep(0.1 * n)
    return n * n


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


async def main():
    print(double(4), double(5), log)
    handlers = {"add": add, "sub": sub, "mul": lambda a, b: a * b}
    for name in sorted(handlers):
        print(name, handlers[name](7, 3))
    ops = [add, sub]
    ops.append(lambda a, b: a // b)
    print([op(20, 6) for op in ops])
    total = 0

    async def worker(i, delay):
        nonlocal total
        await asyncio.sleep(delay)
        total += i
        return i * 10

    tasks = [asyncio.create_task(worker(i, 0.05 * (3 - i))) for i in range(3)]
    print(await asyncio.gather(*tasks), total)
    print(await asyncio.gather(slow_square(2), slow_square(1)))
    pick = add if total > 1 else sub
    print(pick(1, 2), min([3, -4, 2], key=lambda v: v * v), max(["a", "bbb", "cc"], key=len))
    words = ["Banana", "apple", "cherry"]
    words.sort(key=lambda w: w.lower(), reverse=True)
    print(words)

    def make_multiplier(k):
        return lambda x: x * k

    triple = make_multiplier(3)
    print(triple(5), make_multiplier(2.5)(2), list(map(triple, [1, 2])))


asyncio.run(main())
