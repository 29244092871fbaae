# A tick every 0.2 s until interrupted (tests/test_pty.py): each line must
# reach a terminal as it is printed, and Ctrl-C must run the finally block.
import asyncio


async def ticker() -> None:
    try:
        for i in range(50):
            print("tick", i)
            await asyncio.sleep(0.2)
    finally:
        print("finally ran")


async def main() -> None:
    await ticker()


asyncio.run(main())
