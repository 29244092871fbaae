# A list literal passed to a function that appends floats is built as
# list[float] (its allocation site widens); nested lists of different elements.
def f(xs):
    xs.append(0.5)
    return xs


def make():
    return []


print(f([]), f([1.5]))
nested = [make(), [2.5]]
nested[0].append(1.0)
print(nested)
