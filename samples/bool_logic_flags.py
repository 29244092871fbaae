# Boolean flags, short-circuit and/or returning operands, truthiness of empty containers and None.
import asyncio

flags = {"ready": False, "error": None, "items": []}


async def prepare(delay):
    await asyncio.sleep(delay)
    flags["ready"] = True
    flags["items"].append("x")


async def check(name):
    ok = flags["ready"] and not flags["error"]
    label = flags["error"] or "no error"
    size = len(flags["items"]) or "empty"
    print(name, ok, label, size)
    return ok


async def main():
    a = await check("before")
    await prepare(0.1)
    b = await check("after")
    flags["error"] = "disk full"
    c = await check("failed")
    print(a, b, c, a or b, a and b, not c)
    print(bool([]), bool([0]), bool(""), bool("0"), bool(0.0), bool(None), bool({}))
    print(0 or None or "" or "last", 1 and 2 and 3, [] or {})


asyncio.run(main())
