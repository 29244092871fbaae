# Recursive generators, yields inside try/except/finally, yield as an operand, a lazy generator expression in an async def.
from typing import Iterator


def walk(n: int, depth: int) -> Iterator[str]:
    yield "  " * depth + str(n)
    if n > 1:
        yield from walk(n // 2, depth + 1)
        yield from walk(n - n // 2 - 1, depth + 1)


def handlers():
    for i in range(3):
        try:
            if i == 1:
                raise KeyError(i)
            yield i
        except KeyError as e:
            yield -1
            print("handled", repr(e))
        finally:
            print("finally", i)


def exprs():
    total = 0
    while True:
        x = (yield total) + 1 if total < 100 else 0
        total += x
        if total > 10:
            break
        print((yield "mid"))
    return total


async def agen_user(words: list[str]) -> int:
    n = 3
    lens = (len(w) * n for w in words)
    count = 0
    for v in lens:
        import asyncio
        await asyncio.sleep(0)
        count += v
    return count


def main() -> None:
    for line in walk(6, 0):
        print(line)
    print(list(handlers()))
    h = handlers()
    print(next(h), next(h))
    del_h = 0
    e = exprs()
    print(next(e))
    print(e.send(4))
    print(e.send("hello"))
    try:
        print(e.send(20))
    except StopIteration as s:
        print("stop", s.value)
    import asyncio
    print(asyncio.run(agen_user(["ab", "cde"])))


main()
