def total(*xs):
    return sum(xs)


def tick():
    return 1


def main(values):
    print(total(*values))
    print(tick(*values))
    opts = {"a": 1}
    print(dict(**opts))


main([1, 2, 3])
