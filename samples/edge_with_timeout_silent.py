# Builtins with_timeout(s, c): when the deadline passes, c is cancelled
# silently -- unlike asyncio.wait_for (see timeout_three_deep.py), none of
# c's finally blocks run. Only timer-spaced prints, so the reference
# runner's cancel timing (tests/ref/asyncc_ref.py) cannot show.


async def inner() -> int:
    try:
        print("inner sleeps")
        await sleep(60.0)
        return 3
    finally:
        print("inner finally (must never print)")


async def outer() -> int:
    try:
        return await inner() + 1
    finally:
        print("outer finally (must never print)")


async def main() -> int:
    try:
        print(await with_timeout(0.5, outer()))
    except TimeoutError:
        print("TimeoutError, and no finally ran")
    await sleep(1.0)
    print("main ends")
    return 0


run(main())
