# Memoised recursion in a global dict, a recursive async countdown, and results printed per key.
import asyncio

memo = {0: 0, 1: 1}


def fib(n):
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]


async def countdown(name, n):
    if n == 0:
        print(name, "liftoff")
        return 0
    await asyncio.sleep(0.1)
    print(name, n)
    return 1 + await countdown(name, n - 1)


async def main():
    steps = await asyncio.gather(countdown("A", 3), countdown("B", 2))
    print("steps", steps)
    print([fib(i) for i in range(15)])
    print("fib(90) =", fib(90))
    print("memo size", len(memo), "largest key", max(memo))


asyncio.run(main())
