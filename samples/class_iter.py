import asyncio


class Countdown:
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1


class Deck:
    def __init__(self, cards):
        self.cards = cards

    def __iter__(self):
        for c in self.cards:
            yield c.upper()

    def __len__(self):
        return len(self.cards)


async def show(name, it):
    out = []
    for x in it:
        await asyncio.sleep(0.01)
        out.append(x)
    print(name, out)
    return len(out)


async def main():
    print(await asyncio.gather(show("countdown", Countdown(3)), show("deck", Deck(["a", "b"]))))
    for n in Countdown(2):
        print("tick", n)
    d = Deck(["x"])
    print(len(d), [c for c in d.cards])


asyncio.run(main())
