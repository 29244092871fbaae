# A subclass inherits __lt__ and __eq__: comparing a subclass instance with a
# base instance runs the base's method (found by the differential fuzzer:
# sorting [Tagged, Box] raised TypeError).  A class that is never
# instantiated still compiles, attributes of unknown type and all.


class Box:
    def __init__(self, v, tag):
        self.v = v
        self.tag = tag

    def __repr__(self):
        return f"Box({self.v}, {self.tag!r})"

    def __eq__(self, other):
        return self.v == other.v

    def __lt__(self, other):
        return self.v < other.v


class Tagged(Box):
    def __repr__(self):
        return "Tagged" + super().__repr__()[3:]


class Never:
    def __init__(self, x):
        self.x = x

    def __repr__(self):
        return f"Never({self.x})"

    def twice(self):
        return self.x * 2


items = [Box(3, "a"), Tagged(1, "b"), Box(2, "c"), Tagged(5, "d")]
print(sorted(items))
print(Tagged(1, "x") < Box(2, "y"), Box(2, "y") < Tagged(1, "x"))
print(Tagged(2, "x") == Box(2, "y"), Box(2, "y") == Tagged(3, "x"))
print(min(items), max(items))
print(Box(5, "q") in items, Tagged(7, "q") in items)
