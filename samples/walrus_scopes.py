# Walrus in a comprehension condition (binds in the enclosing scope), while, if/elif and a loop body.
def f(x):
    return x * 2 - 3

xs = [1, 2, 3, 4]
ys = [y for x in xs if (y := f(x)) > 0]
print(ys, y)
n = 0
while (n := n + 1) < 4:
    print("n", n)
if (m := len(xs)) > 10:
    print("big")
elif (k := m * 2) == 8:
    print("k", k)
def g(items):
    total = 0
    for it in items:
        if (d := it % 3) == 0:
            continue
        total += d
    return total
print(g(xs))
