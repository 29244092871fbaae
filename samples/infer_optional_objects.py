# Optional tuples, lists, exceptions and tasks (NULL is None), narrowed by
# is not None, truthiness in while, printed with repr and inside f-strings.
import asyncio


def split_pair(s):
    if "=" not in s:
        return None
    k, v = s.split("=")
    return (k, v)


def evens(xs):
    out = [x for x in xs if x % 2 == 0]
    if not out:
        return None
    return out


async def job(n):
    await asyncio.sleep(0.01)
    if n < 0:
        raise ValueError("negative")
    return n * 2


async def main():
    for s in ["a=1", "junk", "b=2"]:
        p = split_pair(s)
        print(s, p)
        if p is not None:
            print(" key", p[0], "value", p[1])
    e = evens([1, 3])
    print(e, evens([1, 2, 4]))
    f = evens([6])
    while f:
        print("pop", f.pop())
    err = None
    task = None
    for n in [2, -1]:
        try:
            task = asyncio.create_task(job(n))
            print(await task)
        except ValueError as ex:
            err = ex
    print(repr(err), err is None, task is not None)
    if err is not None:
        print("caught", err)


asyncio.run(main())
