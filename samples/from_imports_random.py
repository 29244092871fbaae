# from-imports of the supported modules: from asyncio import run, sleep, gather; from random import seed, randint, uniform; from sys import argv.
# asyncc: args first second
from asyncio import run, sleep, gather
from random import seed, randint, uniform, randrange
from sys import argv

seed(42)


async def roll(player, sides=6):
    await sleep(randint(1, 3) / 10)
    value = randint(1, sides)
    print(player, "rolled", value)
    return value


async def main(names):
    rolls = await gather(*[roll(n) for n in names])
    best = max(zip(rolls, names))
    print("rolls", rolls, "best", best)
    print("uniform", round(uniform(0, 10), 3), "randrange", randrange(10, 50, 7))


run(main(argv[1:] + ["third"]))
