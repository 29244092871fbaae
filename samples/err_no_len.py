# Runtime error: len() of an object without __len__ -> TypeError: object of type 'Stream' has no len().
import asyncio


class Stream:
    def __init__(self, chunks):
        self.chunks = chunks

    def __iter__(self):
        return iter(self.chunks)


async def consume(s):
    n = 0
    for c in s:
        await asyncio.sleep(0.01)
        n += len(c)
    return n


async def main():
    s = Stream(["ab", "cde", "f"])
    print("bytes", await consume(s))
    print("chunks", len(list(s)))
    print("chunks", len(s))


asyncio.run(main())
