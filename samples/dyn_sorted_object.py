# sorted() of an object (its items as objects, with key= and reverse=), and a
# comprehension's variable that does not leak into the function's own local.
# asyncc: strip-differs the program makes CPython raise TypeError on purpose (sorted(5)); without the object annotation the types are static and the checker rejects it at compile time
def neg(x):
    return -x


def f(v: object):
    return sorted(v)


def g():
    xs = [3, 1, 2]
    ys = [x * 2 for x in xs]
    x = "s"
    print(x, ys)


def h(v: object):
    return sorted(v, key=neg), sorted(v, reverse=True), sorted(v, key=abs)


print(f([3, 1, 2]), f("cba"), f((2.5, 1)), f({3: "a", 1: "b"}))
print(h([3, -1, 2]))
g()
try:
    print(f(5))
except TypeError as e:
    print("TypeError:", e)
try:
    print(f([1, "a"]))
except TypeError as e:
    print("TypeError:", e)


def own_local():
    ys = [x for x in range(3)]
    x = "a" + str(len(ys))
    return x


print(own_local())
