# if __name__ == "__main__": with sys.argv options parsed by hand (count and delay).
# asyncc: args --count 3 --delay 0.2 extra
import asyncio
import sys


async def tick(i, delay):
    await asyncio.sleep(delay * i)
    print("tick", i)


async def main(count, delay):
    await asyncio.gather(*[tick(i, delay) for i in range(count)])
    return count


def parse(argv):
    count = 1
    delay = 0.1
    rest = []
    i = 1
    while i < len(argv):
        if argv[i] == "--count":
            count = int(argv[i + 1])
            i += 2
        elif argv[i] == "--delay":
            delay = float(argv[i + 1])
            i += 2
        else:
            rest.append(argv[i])
            i += 1
    return count, delay, rest


if __name__ == "__main__":
    count, delay, rest = parse(sys.argv)
    print("count", count, "delay", delay, "rest", rest)
    print("ran", asyncio.run(main(count, delay)))
