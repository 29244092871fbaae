from __future__ import annotations

# A class whose __iter__ is a generator method: for loops, comprehensions,
# iter()/next(), list() and sum() all run over what __iter__ yields, and a
# fresh generator starts on each loop. Other methods may be generators too.
class Countdown:
    def __init__(self, start: int) -> None:
        self.start = start

    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1

    def evens(self, limit: int):
        for i in range(limit):
            if i % 2 == 0:
                yield i * self.start


class Tree:
    def __init__(self, label: str, kids: list[Tree]) -> None:
        self.label = label
        self.kids = kids

    def walk(self, depth: int):
        yield "  " * depth + self.label
        for k in self.kids:
            yield from k.walk(depth + 1)


def main() -> None:
    c = Countdown(3)
    for x in c:
        print("x", x)
    print(list(c.evens(5)))
    it = iter(c)
    print(next(it), next(it))
    print(next(it), next(it, -1))
    print([v * 10 for v in c])
    print(list(c), sum(c), sorted(c))
    print(max(x for x in c))
    for a in Countdown(2):
        for b in Countdown(a):
            print(a, b)
    t = Tree("root", [Tree("a", [Tree("a1", [])]), Tree("b", [])])
    for line in t.walk(0):
        print(line)


main()
