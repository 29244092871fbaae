# await inside try, except, else and finally blocks.
import asyncio


async def step(name: str, fail: bool) -> int:
    await asyncio.sleep(0.1)
    print("  step", name)
    if fail:
        raise ValueError("step " + name + " failed")
    return len(name)


async def attempt(fail: bool) -> int:
    n: int = 0
    try:
        n = await step("try", fail)
    except ValueError as e:
        print("  except:", e)
        n = await step("handler", False)
    else:
        n += await step("else", False)
    finally:
        print("  finally before await")
        await step("finally", False)
        print("  finally after await")
    return n


async def reraiser() -> int:
    try:
        return await step("inner", True)
    finally:
        await asyncio.sleep(0)
        print("  cleanup while exception propagates")


async def main() -> None:
    print("ok path", await attempt(False))
    print("fail path", await attempt(True))
    try:
        await reraiser()
    except ValueError as e:
        print("propagated:", e)


asyncio.run(main())
