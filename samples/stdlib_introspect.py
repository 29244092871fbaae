# MicroPython test-suite style: skip unless the asyncio API is there;
# isinstance, hasattr and type(x).__name__ on values and exceptions.
try:
    import asyncio
except ImportError:
    print("SKIP")
    raise SystemExit

if not hasattr(asyncio, "create_task") or not hasattr(asyncio, "gather"):
    print("SKIP")
    raise SystemExit


class RetryError(RuntimeError):
    pass


async def attempt(n: int):
    await asyncio.sleep(0.01)
    if n == 1:
        raise ValueError("bad value")
    if n == 2:
        raise RetryError("try again")
    if n == 3:
        raise KeyError("k")
    return n


async def main():
    for n in range(5):
        try:
            r = await attempt(n)
            print(n, "ok", r, type(r).__name__, isinstance(r, int))
        except Exception as e:
            print(n, type(e).__name__, isinstance(e, RuntimeError), isinstance(e, (ValueError, KeyError)), e)
    values = [1.5, 2.5]
    print([type(v).__name__ for v in ["a", "b"]], type(values).__name__, type(3.0).__name__)
    print(isinstance(True, int), isinstance(1, bool), isinstance(2.5, (int, float)), isinstance("x", object))
    print(hasattr("text", "upper"), hasattr([1], "sort"), hasattr(asyncio, "no_such_thing"))


asyncio.run(main())
