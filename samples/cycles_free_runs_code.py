# Freeing an object can run code: dropping the last reference to a holder closes the suspended generator
# it keeps, whose finally block makes enough lists for the cycle collector to run while the holder is
# half freed.  The collector must leave that holder alone (its free goes on afterwards).
import asyncio


def numbers(n, log):
    try:
        for i in range(n):
            yield i
    finally:
        junk = [[[i]] for i in range(50000)]  # lists of lists: the collector tracks them
        log.append(len(junk))


class Holder:
    def __init__(self, n, log):
        self.log = log
        self.items = [[n], [n + 1]]
        self.gen = numbers(n, log)
        self.me = self


def use(log):
    h = Holder(5, log)
    h.me = None  # no cycle: the count frees it, closing the generator
    return next(h.gen) + next(h.gen) + len(h.items)


async def main():
    log: list[int] = []
    total = 0
    for i in range(3):
        total += use(log)
        await asyncio.sleep(0)
    print(total, log)


asyncio.run(main())
