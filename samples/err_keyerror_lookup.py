# Runtime error: a missing dict key inside a task propagates through gather -> KeyError: 'carol'.
import asyncio

balances = {"alice": 10, "bob": 3}


async def pay(who, amount, delay):
    await asyncio.sleep(delay)
    balances[who] -= amount
    print(who, "paid", amount, "left", balances[who])


async def main():
    await asyncio.gather(pay("alice", 4, 0.1), pay("bob", 1, 0.2), pay("carol", 2, 0.15))
    print("not reached")


asyncio.run(main())
