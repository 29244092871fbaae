# Mutable defaults are made once, at the def, and shared by every call that uses them (memo dicts, accumulators)
def fib(n, memo={}):
    if n in memo:
        return memo[n]
    r = n if n < 2 else fib(n - 1) + fib(n - 2)
    memo[n] = r
    return r


def collect(x, seen=set(), order=[]):
    if x not in seen:
        seen.add(x)
        order.append(x)
    return order


def scaled(xs, factor=2, label="x", extra=[]):
    extra.append(len(xs))
    return [label + str(v * factor) for v in xs], extra


class Bag:
    def __init__(self, name, things=[]):
        self.name = name
        self.things = things

    def put(self, t):
        self.things.append(t)
        return self


print(fib(30), len(fib.__defaults__[0]))
for v in [3, 1, 3, 2, 1]:
    collect(v)
print(collect(9), collect.__defaults__)
print(scaled([1, 2]), scaled([3], 10, "y"), scaled.__defaults__)
a, b = Bag("a").put(1), Bag("b").put(2)
c = Bag("c", [7]).put(8)
print(a.things, b.things, c.things, a.things is b.things, c.things is a.things)
