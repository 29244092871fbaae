# set.union(*sets), s.union(a, b), s.difference(a, b), s.update(a, *xs): several sets at once (one runtime fold)
a, b, c = {1, 2, 3}, {2, 3, 4}, {3, 9}
xs = [a, b, c]
print(set.union(*xs), set.intersection(*xs), set.difference(*xs), set.union(a, b), a.union(b, c), a.intersection(*xs[1:]))
fs = [frozenset({1}), frozenset({5, 1})]
print(frozenset.union(*fs), set().union(*fs), sorted(set().union(*[{"x"}, {"y"}])))
d = {1: {1, 2}, 2: {2, 7}}
print(set.union(*d.values()), a.difference(b, c), a)
s = set()
s.update({4}, [5] and {5}, *xs)
print(s)
try:
    print(set.union(*[s for s in xs if len(s) > 10]))
except TypeError as e:
    print(e)
p, q = "x", "y"
print(sorted(frozenset((p, q))), set((3, 1, 3)), frozenset(()), set((1, 2.5)))
