# sorted()/max() of tuples and lists holding objects without __lt__: compared only on a tie (TypeError then, as CPython)
class E:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"E{self.n}"
xs = [(2, E(1)), (1, E(2))]
print(sorted(xs), max(xs), sorted([[E(1)]]))
try:
    print(sorted([(1, E(1)), (1, E(2))]))
except TypeError as e:
    print("TypeError", e)
try:
    print(sorted([[E(1)], [E(2)]]))
except TypeError as e:
    print("TypeError", e)
