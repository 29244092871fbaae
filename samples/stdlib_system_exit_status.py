# sys.exit(n) from inside a coroutine ends the program with status n, no
# traceback; finally blocks on the way out still run.
import asyncio
import sys


async def work(n: int):
    await asyncio.sleep(0.1 * n)
    return n * n


async def main():
    total = 0
    try:
        for i in range(1, 4):
            total += await work(i)
            print("step", i, total)
        if total > 10:
            print("too much:", total)
            sys.exit(3)
        print("not reached")
    finally:
        print("cleanup")


asyncio.run(main())
print("not reached either")
