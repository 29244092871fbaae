# Account class hierarchy with async monthly processing from several tasks; overridden methods call super().
import asyncio


class Account:
    fee = 1.0

    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def month_end(self):
        self.balance -= self.fee
        self.history.append(round(self.balance, 2))

    async def run_months(self, n, month=0.1):
        for _ in range(n):
            await asyncio.sleep(month)
            self.month_end()
        return self

    def __repr__(self):
        return f"{type(self).__name__}({self.owner}: {self.balance:.2f})"


class Savings(Account):
    fee = 0.0

    def __init__(self, owner, balance, rate):
        super().__init__(owner, balance)
        self.rate = rate

    def month_end(self):
        self.balance *= 1 + self.rate
        super().month_end()


class Student(Savings):
    def month_end(self):
        if self.balance < 100:
            self.balance += 5
        super().month_end()


async def main():
    accts = [Account("ann", 50), Savings("bob", 1000, 0.01), Student("cy", 90, 0.02)]
    done = await asyncio.gather(*[a.run_months(3) for a in accts])
    print(done)
    for a in done:
        print(a.owner, a.history, type(a).fee)
    print([isinstance(a, Savings) for a in accts], Student.__bases__[0].__name__)


asyncio.run(main())
