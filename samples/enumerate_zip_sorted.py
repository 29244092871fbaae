# enumerate/zip/sorted(key=)/min/max(key=)/reversed/any/all over results gathered from tasks.
import asyncio


async def score(player, base):
    await asyncio.sleep(0.01 * len(player))
    return base * 3 - len(player)


def by_score(pair):
    return pair[1]


async def main():
    players = ["ann", "bob", "christine", "dee"]
    bases = [10, 7, 12, 7]
    scores = await asyncio.gather(*[score(p, b) for p, b in zip(players, bases)])
    table = list(zip(players, scores))
    for rank, (name, s) in enumerate(sorted(table, key=by_score, reverse=True), start=1):
        print(rank, name, s)
    print("lowest", min(table, key=by_score))
    print("highest", max(table, key=by_score))
    print("longest name", max(players, key=len))
    print("reversed", list(reversed(players)))
    print("any > 30", any(s > 30 for s in scores), "all > 10", all(s > 10 for s in scores))
    print(sorted(players, key=len), sorted(scores))


asyncio.run(main())
