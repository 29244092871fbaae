# int | None: an optional int, narrowed to a plain int by `is None`,
# `is not None`, truthiness, an early return and a default filled in.


def find(xs, want):
    for i, x in enumerate(xs):
        if x == want:
            return i
    return None


def first_positive(xs):
    found = None
    for x in xs:
        if x > 0:
            found = x
            break
    return found


def describe(idx):
    if idx is None:
        return "missing"
    return "at " + str(idx + 1)


def total(a, b=None):
    if b is None:
        b = 10
    return a + b


def bump(n):
    if not n:
        return 0
    return n * 2


xs = [4, 8, 15, 16]
i = find(xs, 15)
j = find(xs, 99)
print(i, j, describe(i), describe(j))
print(i == 2, j == None, i is None, j is None, i is not None, j != 0)
if i is not None:
    print("index", i + 1, i * 2, i - 1, -i, i // 2)
if j:
    print("never")
else:
    print("falsy", j)
print(first_positive([-1, 0, 3, 5]), first_positive([-2]))
print(total(1), total(1, 2), bump(i), bump(j), bump(first_positive([7])))
count = None
for k in range(3):
    if count is None:
        count = 0
    count += k
print(count, f"{count:03d}", repr(count))
best = None
for v in [3, 9, 2]:
    if best is None or v > best:
        best = v
print("best", best)
