# Ctrl-C twice (tests/test_pty.py): the first cancels main, whose finally
# block waits; the second raises KeyboardInterrupt at once.
import asyncio


async def main() -> None:
    try:
        while True:
            print("tick")
            await asyncio.sleep(0.2)
    finally:
        print("cleaning up")
        await asyncio.sleep(3)
        print("cleaned")


asyncio.run(main())
