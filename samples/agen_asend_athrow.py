import asyncio


async def ag():
    try:
        yield 1
    finally:
        print("fin")


async def echo():
    received = None
    try:
        while True:
            try:
                value = yield received
                received = value * 2
            except ValueError as e:
                print("echo caught", e)
                received = -1
    finally:
        print("echo closing")


async def quits_on_error():
    try:
        yield "working"
    except ValueError:
        print("quits_on_error caught it and returns")


async def main():
    q = quits_on_error()
    print(await anext(q))
    try:
        await q.athrow(ValueError("enough"))
    except StopAsyncIteration:
        print("athrow: StopAsyncIteration")
    g = ag()
    try:
        await g.athrow(ValueError("x"))
    except Exception as e:
        print("athrow fresh:", type(e).__name__, e)
    try:
        print(await anext(g))
    except StopAsyncIteration as e:
        print("anext after: StopAsyncIteration")
    g = ag()
    print(await g.aclose())
    g = ag()
    print(await anext(g))
    try:
        await g.athrow(KeyError("k"))
    except Exception as e:
        print("athrow:", type(e).__name__, e)
    print(await g.athrow(KeyError("k")))
    print(await g.aclose())
    g = ag()
    try:
        await g.asend(5)
    except Exception as e:
        print(type(e).__name__, e)
    print(type(g).__name__)
    e = echo()
    print(await e.asend(None))
    print(await e.asend(5))
    print(await e.asend(21))
    print(await e.athrow(ValueError("bad")))
    print(await e.asend(1))
    await e.aclose()
    print(await anext(ag(), "dflt"))
    h = ag()
    async for v in h:
        print("v", v)
    print(await anext(h, 42))


asyncio.run(main())
