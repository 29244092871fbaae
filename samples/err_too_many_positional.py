# Runtime error: a method called with one argument too many -> TypeError: ... takes 2 positional arguments but 3 were given.
import asyncio


class Account:
    def __init__(self):
        self.balance = 0

    async def deposit(self, amount):
        await asyncio.sleep(0.01)
        self.balance += amount
        return self.balance


async def main():
    acc = Account()
    print(await acc.deposit(10))
    print(await asyncio.gather(acc.deposit(5), acc.deposit(1)))
    print(await acc.deposit(10, "note"))


asyncio.run(main())
