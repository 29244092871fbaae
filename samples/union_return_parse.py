# A function returning int or str depending on its input (a small union), consumed by tasks.
import asyncio


def parse(token):
    if token.isdigit():
        return int(token)
    if token.startswith("-") and token[1:].isdigit():
        return -int(token[1:])
    return token


async def tokens(line, delay=0.01):
    out = []
    for tok in line.split():
        await asyncio.sleep(delay)
        out.append(parse(tok))
    return out


async def main():
    a, b = await asyncio.gather(tokens("add 3 to -12"), tokens("x 10 y 20"))
    print(a)
    print(b)
    nums = [t for t in a + b if isinstance(t, int)]
    words = [t for t in a + b if isinstance(t, str)]
    print("numbers", nums, "sum", sum(nums))
    print("words", words, "longest", max(words, key=len))
    v = parse("7")
    print(v + 1, parse("seven") + "!")


asyncio.run(main())
