# A timeout while the child is inside try/finally: the finally block runs
# (and may itself await) before wait_for raises TimeoutError.
import asyncio


async def guarded(log: list[str]) -> int:
    log.append("enter")
    try:
        for i in range(10):
            await asyncio.sleep(0.3)
            log.append(f"step {i}")
            print("step", i)
    finally:
        print("finally starts")
        await asyncio.sleep(0.1)
        log.append("cleanup")
        print("finally ends")
    return 0


async def main() -> None:
    log: list[str] = []
    try:
        await asyncio.wait_for(guarded(log), 1.0)
    except TimeoutError:
        print("timed out")
    print(log)


asyncio.run(main())
