# vars() of a non-instance, del of an attribute no instance has, callable() of an object: compile errors
class Box:
    size = 1

    def __init__(self, v):
        self.v = v


def pick(n):
    return Box(n) if n else "none"


b = Box(2)
print(vars([1, 2]))
del b.w
print(callable(pick(0)))
