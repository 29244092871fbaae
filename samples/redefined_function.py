# A module-level function and variable bound twice: the later binding wins from that point on.
import asyncio

MODE = "slow"


async def fetch(x):
    await asyncio.sleep(0.2)
    return "v1:" + str(x)


async def first_round():
    return await fetch(1)


print("mode", MODE)
r1 = asyncio.run(first_round())
print(r1)


async def fetch(x):
    await asyncio.sleep(0.1)
    return "v2:" + str(x * 10)


MODE = "fast"
print("mode", MODE)
r2 = asyncio.run(first_round())
print(r2)
print(asyncio.run(fetch(5)))
