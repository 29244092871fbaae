# A graph as a dict of int -> set of ints; BFS levels and connected components, explored by tasks.
import asyncio

edges = [(1, 2), (2, 3), (3, 1), (4, 5), (6, 6), (2, 7), (7, 8)]


def build(pairs):
    g = {}
    for a, b in pairs:
        g.setdefault(a, set()).add(b)
        g.setdefault(b, set()).add(a)
    return g


async def bfs(g, start):
    seen, frontier, levels = {start}, [start], []
    while frontier:
        await asyncio.sleep(0.01)
        levels.append(sorted(frontier))
        nxt = set()
        for n in frontier:
            nxt |= g[n] - seen
        seen |= nxt
        frontier = sorted(nxt)
    return start, levels, seen


async def main():
    g = build(edges)
    print(g)
    results = await asyncio.gather(*[bfs(g, s) for s in (1, 4, 6)])
    for start, levels, seen in results:
        print(start, levels, seen)
    comps = {frozenset(seen) for _, _, seen in results}
    print(len(comps), sorted(len(c) for c in comps), set().union(*comps) == set(g))


asyncio.run(main())
