# The same loop as a generator, a coroutine and an async generator: the
# same live locals, so the same frame (tests/test_gen_frames.sh compares
# --frame-sizes).
import asyncio


def gen(n: int, label: str):
    total = 0
    for i in range(n):
        yield i
        total += i
    print(label, total)


async def coro(n: int, label: str) -> None:
    total = 0
    for i in range(n):
        await asyncio.sleep(0)
        total += i
    print(label, total)


async def agen(n: int, label: str):
    total = 0
    for i in range(n):
        yield i
        total += i
    print(label, total)


async def consume() -> None:
    print([x async for x in agen(5, "async generator")])


def main() -> None:
    print(list(gen(5, "generator")))
    asyncio.run(coro(5, "coroutine"))
    asyncio.run(consume())
    many = [gen(3, "g" + str(k)) for k in range(1000)]
    for g in many:
        next(g)
    print(sum([next(g) for g in many]))


main()
