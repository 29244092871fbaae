# Mutual recursion between async functions (is_even/is_odd) and between sync functions (Hofstadter F/M).
import asyncio

calls = 0


async def is_even(n):
    global calls
    calls += 1
    if n == 0:
        return True
    if n % 4 == 0:
        await asyncio.sleep(0)
    return await is_odd(n - 1)


async def is_odd(n):
    global calls
    calls += 1
    if n == 0:
        return False
    return await is_even(n - 1)


def hof_f(n):
    return 1 if n == 0 else n - hof_m(hof_f(n - 1))


def hof_m(n):
    return 0 if n == 0 else n - hof_f(hof_m(n - 1))


async def main():
    results = await asyncio.gather(is_even(10), is_odd(7), is_even(3))
    print(results, "calls", calls)
    print([hof_f(i) for i in range(12)])
    print([hof_m(i) for i in range(12)])


asyncio.run(main())
