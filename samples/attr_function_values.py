# Functions, lambdas, closures and bound methods held in attributes and called through them
class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, k):
        self.n += k
        return self.n


def scale(x, factor=2):
    return x * factor


class Op:
    def __init__(self, name, fn):
        self.name = name
        self.fn = fn
        self.calls = 0

    def __call__(self, x):
        self.calls += 1
        return self.fn(x)


def make_adder(k):
    return lambda x: x + k


def main():
    c = Counter()
    ops = [Op("scale", scale), Op("add3", make_adder(3)), Op("neg", lambda x: -x), Op("bump", c.bump)]
    for op in ops:
        print(op.name, op(5), op.fn(1), op.calls)
    ops[0].fn = make_adder(100)
    print(ops[0](1), c.n)


main()
