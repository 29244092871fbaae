# asyncio.Lock protecting a global balance updated by concurrent deposits and withdrawals.
import asyncio

balance = 100
lock = None


async def transfer(amount, delay=0.01):
    global balance
    async with lock:
        current = balance
        await asyncio.sleep(delay)
        if current + amount < 0:
            print("refused", amount, "balance", current)
            return False
        balance = current + amount
        print("applied", amount, "balance", balance)
        return True


async def main():
    global lock
    lock = asyncio.Lock()
    amounts = [50, -120, -80, 30, -70, 10]
    oks = await asyncio.gather(*[transfer(a) for a in amounts])
    print("results", oks)
    print("final balance", balance, "refused", oks.count(False))


asyncio.run(main())
