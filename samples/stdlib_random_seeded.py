# import random with a seed: CPython's exact Mersenne Twister sequences for
# random, randint, randrange, choice, shuffle and uniform, also as the
# delays of tasks.
import asyncio
import random


def draws(seed: int):
    random.seed(seed)
    print("seed", seed)
    print(" random ", [round(random.random(), 6) for _ in range(4)])
    print(" randint", [random.randint(1, 6) for _ in range(10)])
    print(" range  ", random.randrange(100), random.randrange(5, 50), random.randrange(10, 0, -3),
          random.randrange(-1000000, 1000000, 7))
    deck = list(range(12))
    random.shuffle(deck)
    print(" shuffle", deck)
    print(" choice ", random.choice(["red", "green", "blue"]), random.choice("xyz"))
    print(" uniform", random.uniform(1.5, 2.5), random.uniform(10, -10))
    print(" big    ", random.randint(0, 2 ** 40), random.randrange(2 ** 62))
    print(" order  ", random.random() - random.random(), random.uniform(0, 1) * 10 - random.randint(1, 9))


async def worker(wid: int, results: list[str]):
    delay = random.uniform(0.1, 1.0)
    await asyncio.sleep(delay)
    results.append(f"w{wid}:{delay:.3f}")


async def main():
    random.seed(2024)
    results: list[str] = []
    await asyncio.gather(*[worker(i, results) for i in range(6)])
    print(results)


for s in [0, 1, 42, -42, 2 ** 32 + 7, 123456789012345]:
    draws(s)
asyncio.run(main())
empty: list[int] = []
try:
    random.choice(empty)
except IndexError as e:
    print("IndexError:", e)
try:
    random.randrange(5, 5)
except ValueError as e:
    print("ValueError:", e)
