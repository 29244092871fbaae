# A Bank class owning an asyncio.Lock and a dict of accounts; concurrent transfers keep the total constant.
import asyncio


class InsufficientFunds(Exception):
    def __init__(self, account, needed):
        super().__init__(f"{account} needs {needed} more")
        self.account = account
        self.needed = needed


class Bank:
    def __init__(self, **opening):
        self.accounts = dict(opening)
        self.lock = asyncio.Lock()
        self.log = []

    def total(self):
        return sum(self.accounts.values())

    async def transfer(self, src, dst, amount):
        async with self.lock:
            await asyncio.sleep(0.01)
            if self.accounts[src] < amount:
                raise InsufficientFunds(src, amount - self.accounts[src])
            self.accounts[src] -= amount
            self.accounts[dst] += amount
            self.log.append((src, dst, amount))


async def main():
    bank = Bank(ann=100, bob=50, cy=0)
    moves = [("ann", "bob", 30), ("bob", "cy", 70), ("cy", "ann", 100), ("ann", "cy", 70)]
    res = await asyncio.gather(*[bank.transfer(*m) for m in moves], return_exceptions=True)
    for m, r in zip(moves, res):
        print(m, "ok" if r is None else f"failed: {r} ({r.needed})")
    print(bank.accounts, bank.total(), len(bank.log))


asyncio.run(main())
