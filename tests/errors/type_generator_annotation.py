# a generator is annotated with what it yields, not with an item type
def gen() -> int:
    yield 1


def plain() -> None:
    x = 1
    yield from x


async def agen() -> int:
    yield 1


def main() -> None:
    g = gen()
    g.rewind()
    next(g, 1, 2)
    print(next(5))
    yield 2


def objects(x: object):
    yield from x
    print(next(x), iter(x))


def in_comprehension():
    return [(yield x) for x in range(3)]
