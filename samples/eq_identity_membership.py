# == falls back to identity without __eq__; with __eq__, `in`, list.index/count/remove use it; `is` stays identity.
import asyncio


class Ident:
    def __init__(self, n):
        self.n = n


class Val:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return isinstance(other, Val) and self.n == other.n

    def __repr__(self):
        return f"Val({self.n})"


async def collect(cls, ns):
    out = []
    for n in ns:
        await asyncio.sleep(0.01)
        out.append(cls(n))
    return out


async def main():
    idents, vals = await asyncio.gather(collect(Ident, [1, 2]), collect(Val, [1, 2, 1]))
    print(Ident(1) == Ident(1), idents[0] == idents[0], Ident(1) in idents, idents[1] in idents)
    print(Val(1) == Val(1), Val(1) != Val(2), Val(1) in vals, Val(9) in vals, Val(1) is Val(1))
    print(vals.index(Val(2)), vals.count(Val(1)))
    vals.remove(Val(1))
    print(vals, Val(1) == 1, [Val(3)] == [Val(3)], (Val(4), 1) == (Val(4), 1))


asyncio.run(main())
