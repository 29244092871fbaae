import asyncio


async def worker():
    try:
        while True:
            yield "tick"
    finally:
        print("worker finally")


async def main():
    g = worker()
    print(await anext(g))
    await g.athrow(ValueError("stop now"))


asyncio.run(main())
