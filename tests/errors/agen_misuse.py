# async generators and async for used where Python rejects them
async def ticks(n: int):
    for i in range(n):
        yield i


async def delegates():
    yield from ticks(3)


async def returns_value():
    yield 1
    return 5


def plain_loop():
    async for x in ticks(3):
        print(x)


def plain_comprehension():
    return [x async for x in ticks(3)]


async def misuse():
    g = ticks(2)
    for x in g:
        print(x)
    g.rewind()
    await g.athrow(5)
    await anext(7)
    await g.asend(1, 2)


async def dynamic(x: object):
    async for v in x:
        print(v)
