import asyncio


class Base:
    async def get(self):
        return 1


class Other(Base):
    async def get(self):
        return "one"


async def main(b):
    print(await b.get())


asyncio.run(main(Other()))
asyncio.run(main(Base()))
