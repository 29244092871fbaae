def total(*xs):
    return sum(xs)


def main(values):
    print(total(*values))
    opts = {"a": 1}
    print(dict(**opts))


main([1, 2, 3])
