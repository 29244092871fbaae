# An async generator still referenced (a global list) and suspended when
# main returns: asyncio.run's end closes it (shutdown_asyncgens) after the
# pending tasks are cancelled; its finally may await.
import asyncio

streams = []


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


async def ticker():
    for i in range(3):
        print("ticker", i)
        await asyncio.sleep(0)


async def main():
    s = stream("kept")
    streams.append(s)
    print(await anext(s))
    asyncio.create_task(ticker())
    print("main returns")


asyncio.run(main())
print("after run", len(streams))
