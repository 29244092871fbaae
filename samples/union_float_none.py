# float | None: a reading that may be missing.


def reading(k):
    if k % 3 == 0:
        return None
    return k * 0.5


def mean(values):
    acc = 0.0
    n = 0
    for v in values:
        if v is not None:
            acc += v
            n += 1
    return acc / n if n else None


rs = [reading(k) for k in range(6)]
print(rs)
last = None
for k in range(1, 6):
    r = reading(k)
    if r is None:
        print(k, "no reading")
        continue
    last = r
    print(k, r, r * 2, f"{r:.2f}", r > 1.0)
print("last", last, last is None, repr(last))
print("mean", mean(rs), mean([None]))
limit = None
if len(rs) > 3:
    limit = 2.5
if limit:
    print("limit", limit + 0.5)
print(limit == 2.5, limit != None, str(limit))
