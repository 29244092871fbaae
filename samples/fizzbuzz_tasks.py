# FizzBuzz split across tasks; the result list mixes ints and strs and is printed whole and joined.
import asyncio


def fizz(n):
    if n % 15 == 0:
        return "FizzBuzz"
    if n % 3 == 0:
        return "Fizz"
    if n % 5 == 0:
        return "Buzz"
    return n


async def chunk(start, stop):
    out = []
    for n in range(start, stop):
        if n % 4 == 0:
            await asyncio.sleep(0.01)
        out.append(fizz(n))
    return out


async def main():
    parts = await asyncio.gather(chunk(1, 6), chunk(6, 11), chunk(11, 16))
    allv = [x for p in parts for x in p]
    print(allv)
    print(", ".join(str(x) for x in allv))
    words = [x for x in allv if isinstance(x, str)]
    nums = [x for x in allv if not isinstance(x, str)]
    print(len(words), sum(nums), words.count("Fizz"))


asyncio.run(main())
