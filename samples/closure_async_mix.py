# Closures in async code: counters, a nested def reading a rebound local, an emit helper over a growing list, memo dicts, a pipeline of lambdas.
import asyncio

def make_counter():
    count = 0
    def step():
        nonlocal count
        count += 1
        return count
    return step

def outer(flag):
    def inner():
        return label
    label = 1
    r = inner()
    label = "x" if flag else 2
    return inner(), r

async def produce(n):
    out = []
    def emit(v):
        out.append(v)
        return len(out)
    for i in range(n):
        await asyncio.sleep(0.01)
        last = emit(i if i % 2 else str(i))
    return out, last

def memo():
    cache = {}
    def get(k):
        if k not in cache:
            cache[k] = k * 2
        return cache[k]
    return get

def pipeline(xs):
    fs = []
    fs.append(lambda v: v + 1)
    fs.append(lambda v: str(v))
    r = xs
    for f in fs:
        r = [f(x) for x in r]
    return r

async def main():
    c = make_counter()
    print(c(), c(), outer(True), outer(False))
    print(await produce(3))
    g = memo()
    print(g(2), g(5))
    print(pipeline([1, 2]))

asyncio.run(main())
