# Seeded random delays and a shuffled work order, as simulations in tutorials do.
import asyncio
import random

random.seed(42)
finished = []


async def customer(id, t=0.1):
    await asyncio.sleep(t)
    finished.append(id)
    return round(t, 3)


async def main():
    ids = list(range(1, 7))
    random.shuffle(ids)
    print("arrival order:", ids)
    delays = [random.uniform(0.1, 1.0) for _ in ids]
    waits = await asyncio.gather(*[customer(i, d) for i, d in zip(ids, delays)])
    print("waits:", waits)
    print("served:", finished)
    print("lucky:", random.choice(finished), random.randint(1, 100))


asyncio.run(main())
