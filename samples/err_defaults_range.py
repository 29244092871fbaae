# Runtime error: too many positional arguments to a def with defaults -> "takes from 1 to 3 ...".
import asyncio


async def fetch(url, retries=1, timeout=0.5):
    await asyncio.sleep(0)
    return f"{url} r={retries} t={timeout}"


async def main():
    print(await fetch("a"))
    print(await fetch("b", 2, 0.1))
    print(await fetch("c", 2, 0.1, True))


asyncio.run(main())
