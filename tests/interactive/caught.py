# Ctrl-C caught around asyncio.run (tests/test_pty.py): the finally block
# runs, then the handler; the program ends normally.
import asyncio


async def main() -> None:
    try:
        while True:
            print("tick")
            await asyncio.sleep(0.2)
    finally:
        print("stopping")


try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("interrupted")
print("bye")
