# Closures over state in async defs: nonlocal results, lambdas over growing lists, functions applied to one value.
import asyncio

def pick(flag):
    get = lambda: x
    x = 1
    if flag:
        x = "one"
    return get()

def apply(fs, v):
    out = []
    for f in fs:
        out.append(f(v))
    return out

def later():
    acc = [0]
    fns = [lambda: acc[-1]]
    def grow():
        acc.append("z")
    grow()
    return fns[0]()

async def job(n):
    await asyncio.sleep(0.01)
    res = None
    def done(v):
        nonlocal res
        res = v
    done(n)
    done(str(n))
    return res

async def main():
    print(pick(False), pick(True))
    print(apply([lambda v: v * 2, lambda v: str(v)], 3))
    print(later())
    print(await job(4))
    print(await asyncio.gather(job(1), job(2)))

asyncio.run(main())
