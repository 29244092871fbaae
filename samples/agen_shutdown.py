# Async generators still suspended when main returns are closed by
# asyncio.run (shutdown_asyncgens): their finally blocks run, awaits and all.
import asyncio


async def stream(name: str):
    try:
        i = 0
        while True:
            yield i
            i += 1
    finally:
        print(name, "finally starts")
        await asyncio.sleep(0.1)
        print(name, "finally ends")


async def main():
    s = stream("kept")
    print(await anext(s))
    print(await anext(s))
    t = stream("other")
    print(await anext(t))
    print("main returns")


asyncio.run(main())
print("after run")
