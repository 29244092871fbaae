# asyncio.timeout() (3.11) around a block of awaits: the block is cancelled
# at the deadline and TimeoutError comes out of the `async with`; expired()
# says why; nested timeouts, the inner one firing first or the outer one.
import asyncio


async def step(i: int, pause: float) -> None:
    await asyncio.sleep(pause)
    print("step", i, "done")


async def attempt(limit: float, pauses: list[float]) -> bool:
    try:
        async with asyncio.timeout(limit) as cm:
            for i, p in enumerate(pauses):
                await step(i, p)
        print("finished within", limit, "expired:", cm.expired())
        return True
    except TimeoutError:
        print("timed out after", limit, "expired:", cm.expired())
        return False


async def nested(inner: float, outer: float) -> str:
    try:
        async with asyncio.timeout(outer):
            try:
                async with asyncio.timeout(inner):
                    await asyncio.sleep(1.0)
                    return "slept"
            except TimeoutError:
                print("inner timeout", inner)
            await asyncio.sleep(1.0)
            return "after inner"
    except TimeoutError:
        return "outer timeout"


async def cleanup() -> None:
    try:
        async with asyncio.timeout(0.1):
            try:
                await asyncio.sleep(5)
            finally:
                print("finally runs at the timeout")
    except TimeoutError:
        print("TimeoutError is a TimeoutError:", isinstance(TimeoutError(), OSError))


async def main() -> None:
    a = await attempt(1.0, [0.2, 0.3])
    b = await attempt(0.4, [0.2, 0.3, 0.1])
    print(a, b)
    print(await nested(0.1, 0.5))
    print(await nested(0.5, 0.2))
    await cleanup()
    t = asyncio.create_task(nested(0.3, 2.0))
    await asyncio.sleep(0.1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("a plain cancel stays a CancelledError")


asyncio.run(main())
