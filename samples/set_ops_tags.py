# Tag sets per article (str sets printed sorted only), set algebra, frozenset keys for co-occurrence counts.
import asyncio

articles = {
    1: ["python", "async", "io"],
    2: ["python", "web"],
    3: ["async", "io", "net"],
    4: ["web", "python", "async"],
}


async def tags_of(aid):
    await asyncio.sleep(0.01 * aid)
    return aid, set(articles[aid])


async def main():
    pairs = await asyncio.gather(*[tags_of(a) for a in articles])
    tags = dict(pairs)
    every = set.union(*tags.values())
    common = set.intersection(*[tags[1], tags[4]])
    print(sorted(every), sorted(common), sorted(tags[3] - tags[1]), sorted(tags[2] ^ tags[4]))
    pairs_count = {}
    for aid, ts in tags.items():
        for a in ts:
            for b in ts:
                if a < b:
                    key = frozenset((a, b))
                    pairs_count[key] = pairs_count.get(key, 0) + 1
    top = sorted(pairs_count.items(), key=lambda kv: (-kv[1], sorted(kv[0])))
    for key, n in top[:3]:
        print(sorted(key), n)
    print({aid for aid, ts in tags.items() if "async" in ts}, len(pairs_count))


asyncio.run(main())
