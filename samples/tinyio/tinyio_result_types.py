# Coroutines return values of many types; gather keeps list order.
import tinyio


def name():
    yield
    return "tinyio"


def ratio():
    yield tinyio.sleep(0.01)
    return 2.5


def numbers():
    yield
    return [1, 2, 3]


def pair():
    yield
    return ("a", 1)


def main():
    n = yield name()
    r = yield ratio()
    xs = yield numbers()
    p = yield pair()
    print(n.upper(), r * 2, sum(xs), p[0], p[1])
    both = yield [name(), name()]
    print(both)


tinyio.Loop().run(main())
