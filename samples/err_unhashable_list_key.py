# Runtime error: a list used as a dict key -> TypeError: unhashable type: 'list'.
import asyncio

routes = {}


async def register(path, handler):
    await asyncio.sleep(0.01)
    routes[path] = handler
    print("registered", path)


async def main():
    await register("/a", "index")
    await register(("/b", "GET"), "tuple key is fine")
    print(routes)
    await register(["/c", "POST"], "list key")
    print("not reached")


asyncio.run(main())
