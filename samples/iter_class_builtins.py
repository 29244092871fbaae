# An iterator class fed to builtins that consume iterables: list, sum, sorted, max, min, any, all, enumerate, zip, tuple, set.
import asyncio


class Squares:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i * self.i


class Words:
    def __init__(self, text):
        self.words = text.split()
        self.k = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.k == len(self.words):
            raise StopIteration()
        w = self.words[self.k]
        self.k += 1
        return w.upper()


async def main():
    await asyncio.sleep(0)
    print(list(Squares(5)), sum(Squares(4)), sorted(Squares(3), reverse=True))
    print(max(Squares(6)), min(Squares(6)), any(x > 20 for x in Squares(5)), all(x > 0 for x in Squares(5)))
    print(list(enumerate(Words("a bb ccc"))), list(zip(Squares(3), Words("x y z w"))))
    print(list(Words("one two")), sorted(set(Squares(4))), [w for w in Words("p q") if w != "Q"])
    s = Squares(3)
    print(list(s), list(s))
    print({w: len(w) for w in Words("to be or not")})


asyncio.run(main())
