# Empty displays in a tuple unpacking and s |= set(): typed by their later stores, not defaulted
def bfs(g, start):
    seen, frontier, levels = {start}, [start], []
    while frontier:
        levels.append(sorted(frontier))
        nxt = set()
        for n in frontier:
            nxt |= g[n] - seen
        seen |= nxt
        frontier = sorted(nxt)
    return start, levels, seen


def merged(start):
    seen = {start}
    extra = set()
    seen |= extra
    names, counts = [], {}
    names.append("a")
    counts["a"] = 1.5
    return seen, names, counts


print(bfs({1: {2, 3}, 2: {1, 4}, 3: {1}, 4: {2}}, 1))
print(merged(7))
