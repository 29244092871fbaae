# Class attributes vs instance attributes: shadowing, shared mutable class lists, counters via the class name.
import asyncio


class Player:
    team = "blue"
    roster = []
    created = 0

    def __init__(self, name):
        self.name = name
        self.score = 0
        Player.created += 1
        self.roster.append(name)

    async def play(self, rounds):
        for r in range(rounds):
            await asyncio.sleep(0.1)
            self.score += len(self.name) + r
        return self.score


async def main():
    a, b, c = Player("ann"), Player("bobby"), Player("cy")
    c.team = "red"
    print(a.team, b.team, c.team, Player.team)
    Player.team = "green"
    print(a.team, c.team, "team" in vars(c), "team" in vars(a))
    print(Player.roster, a.roster is Player.roster, Player.created)
    scores = await asyncio.gather(a.play(2), b.play(1), c.play(3))
    print(scores, {p.name: p.score for p in (a, b, c)})
    del c.team
    print(c.team, sorted(vars(a)))


asyncio.run(main())
