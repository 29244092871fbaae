# Runtime error: an unknown keyword argument to an async method -> TypeError: ... got an unexpected keyword argument.
import asyncio


class Painter:
    async def paint(self, item, color="red", coats=1):
        await asyncio.sleep(0.1 * coats)
        return f"{item} painted {color} x{coats}"


async def main():
    p = Painter()
    print(await p.paint("door"))
    print(await p.paint("fence", coats=2, color="white"))
    options = {"colour": "blue"}
    print(await p.paint("gate", **options))


asyncio.run(main())
