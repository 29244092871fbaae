# Closures meet generators: a generator expression and a comprehension over a captured name, a
# nested generator def over captured parameters, lambda defaults in a comprehension, map into any().
def outer():
    k = 3

    def inner(xs):
        return sum(x * k for x in xs), [x + k for x in xs]
    return inner([1, 2])


def counter_gen(n):
    step = 2

    def gen():
        i = 0
        while i < n:
            yield i
            i += step
    return list(gen())


def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]


print(outer(), counter_gen(7), [f(1) for f in make_adders()])
print(sorted(range(5), key=lambda v: -v), any(map(lambda s: s > 3, [1, 5])))
