# Seeded random tournament: shuffle players, pair them, each match a task with a random duration.
import asyncio
import random


async def match(a, b):
    await asyncio.sleep(random.randint(1, 5) / 10)
    winner = random.choice([a, b])
    print(f"{a} vs {b}: {winner}")
    return winner


async def main():
    random.seed(1)
    players = ["ana", "ben", "cai", "dot", "eve", "fay", "gus", "hal"]
    random.shuffle(players)
    print("draw", players)
    rnd = 1
    while len(players) > 1:
        pairs = list(zip(players[::2], players[1::2]))
        players = await asyncio.gather(*[match(a, b) for a, b in pairs])
        print("round", rnd, "winners", players)
        rnd += 1
    print("champion", players[0])
    print("uniform", round(random.uniform(1, 2), 4))


asyncio.run(main())
