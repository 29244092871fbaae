# Runtime error: a class with __eq__ and no __hash__ is unhashable -> TypeError from hash().
class Key:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return self.k == other.k


a, b = Key(1), Key(1)
print(a == b, a != Key(2))
print(hash(a))
