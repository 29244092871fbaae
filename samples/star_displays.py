# Star displays: [*a, *b], {*a, x}, {**d1, **d2}; a str unpacked into targets.
a = [1, 2]
b = [3]
print([*a, *b], [0, *a, 9, *b, 10], [*a])
s = {*a, 5}
print(sorted(s), sorted({*a, *b}))
d1 = {"x": 1, "y": 2}
d2 = {"y": 20, "z": 30}
print({**d1, **d2}, {**d1, "w": 0}, {"y": -1, **d1}, {**d2})
words = "ab cd".split()
print([*words, *"ef"])
print([*range(3), *[x * x for x in a]])
h, *t = "xyz"
p, q = "ab"
print(h, t, p, q)
