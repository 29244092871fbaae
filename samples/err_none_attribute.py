# Runtime error: an Optional result used without a None check -> AttributeError: 'NoneType' object has no attribute.
import asyncio


class User:
    def __init__(self, name):
        self.name = name


users = {1: User("ann"), 2: User("bo")}


async def find(uid):
    await asyncio.sleep(0.05)
    return users.get(uid)


async def main():
    for uid in (1, 2, 3):
        u = await find(uid)
        print(uid, u.name.upper())


asyncio.run(main())
