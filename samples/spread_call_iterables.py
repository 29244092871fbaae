# Run-time spreads of every iterable the checker knows: range, dict and its views, set, str, a fixed tuple, a generator and a generator expression.
def f(*a):
    return a


def gen(n):
    for i in range(n):
        yield i


d = {"x": 1, "y": 2}
s = {3, 1, 2}
xs = [1, 2, 3]
print(f(*range(3)))
print(f(*d), f(*d.keys()), f(*d.values()), f(*d.items()))
print(f(*s), f(*"ab"), f(*(1, "a")))
print(f(*gen(3)))
print(f(*(x * 2 for x in xs)))
print(f(*xs, *"z", *d))
