# sys.exit(3) raised inside a coroutine: finally blocks run, asyncio.run propagates SystemExit, status 3.
import asyncio
import sys


async def stage(n):
    try:
        await asyncio.sleep(0.1)
        print("stage", n)
        if n == 2:
            print("fatal condition, exiting")
            sys.exit(3)
    finally:
        print("cleanup", n)


async def main():
    for n in range(5):
        await stage(n)
    print("unreachable")


if __name__ == "__main__":
    asyncio.run(main())
