class Bag:
    def __init__(self):
        self.items = [1, 2]

    def __iter__(self):
        return iter(self.items)


def total(*xs):
    return sum(xs)


print(total(*Bag()))
