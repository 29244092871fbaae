# A function defined twice: module code before the second def calls the
# first, code after it (and function bodies run later) the second, as in
# Python; async defs too.
import asyncio


def label(n: int):
    return "old " + str(n)


print(label(1))


def label(n: int):
    return "new " + str(n * 10)


print(label(2))


async def main():
    print("first main")


async def main():
    await asyncio.sleep(0.1)
    print("second main", label(3))


asyncio.run(main())
