# MicroPython test-suite style: gather of factorial tasks with a global counter and a failing child.
try:
    import asyncio
except ImportError:
    print("SKIP")
    raise SystemExit

steps = 0


async def factorial(name, number):
    global steps
    f = 1
    for i in range(2, number + 1):
        print("Task {}: Compute factorial({})...".format(name, i))
        steps += 1
        await asyncio.sleep(0.01)
        f *= i
    print("Task {}: factorial({}) = {}".format(name, number, f))
    return f


async def fail():
    await asyncio.sleep(0.015)
    raise ZeroDivisionError("fail")


async def main():
    res = await asyncio.gather(factorial("A", 2), factorial("B", 3), factorial("C", 4))
    print(res, steps)
    try:
        await asyncio.gather(factorial("D", 3), fail())
    except ZeroDivisionError as e:
        print("caught", repr(e))
    await asyncio.sleep(0.1)
    print("steps", steps)


asyncio.run(main())
