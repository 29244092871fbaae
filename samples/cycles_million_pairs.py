# asyncc: args 20000
# Pairs of objects that refer to each other (a.other = b, b.other = a), made and dropped in a
# loop: reference counts alone never free them; the cycle collector keeps memory bounded.
# tests/test_memory.sh runs it with 100000 and 1000000 pairs and compares the peak RSS.
import asyncio
import sys


class Peer:
    def __init__(self, ident):
        self.ident = ident
        self.other = self
        self.inbox = [ident]


def link(i):
    a = Peer(i)
    b = Peer(-i)
    a.other = b
    b.other = a
    a.inbox.append(b.ident)
    return a.other.other.ident + len(b.other.inbox)


async def main(n):
    total = 0
    for i in range(n):
        total += link(i)
        if i % 10000 == 0:
            await asyncio.sleep(0)
    print("pairs", n, "checksum", total)


asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000000))
