# With `import asyncio` a missing await stays an error: only the builtins
# spelling lets a plain def suspend (Edge Python semantics).
import asyncio


def pause():
    asyncio.sleep(0.1)


async def main():
    pause()


asyncio.run(main())
