# Runtime error: a comprehension over an instance without __iter__ -> 'Bag' object is not iterable.
class Bag:
    def __init__(self, items):
        self.items = items

    def __len__(self):
        return len(self.items)


bag = Bag([3, 1, 2])
print(len(bag), [x * 2 for x in bag.items])
print([x * 2 for x in bag])
