# Spreads of values typed object: tuples and dicts taken from a heterogeneous list, and a list where a mapping is wanted (CPython's TypeError).
def f(a, b=0, **rest):
    return a, b, sorted(rest)


calls = [((1,), {"b": 2}), ((3, 4), {"z": "q"}), ((5,), {})]
for args, kw in calls:
    print(f(*args, **kw))
mixed = [{"a": 1}, [1, 2]]
for m in mixed:
    try:
        print(f(**m))
    except TypeError as e:
        print("TypeError:", e)
