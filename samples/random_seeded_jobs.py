# random.seed(1) then randint/choice/shuffle decide job sizes; runs are reproducible.
import asyncio
import random

random.seed(1)


async def job(id, size):
    await asyncio.sleep(size / 100)
    print("job", id, "size", size)
    return size


async def main():
    sizes = [random.randint(1, 20) for _ in range(6)]
    print("sizes", sizes)
    colour = random.choice(["red", "green", "blue"])
    print("colour", colour)
    order = list(range(6))
    random.shuffle(order)
    print("order", order)
    done = await asyncio.gather(*[job(i, sizes[i]) for i in order])
    print("done", done)
    print("random", round(random.random(), 6), random.randrange(0, 100, 5))


asyncio.run(main())
