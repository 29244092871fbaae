# A closure whose result becomes an object after the first pass: the tuple, list and dict built from its calls follow (an expected type no longer hides an object).
def outer(flag):
    def inner():
        return label
    label = 1
    r = inner()
    label = "x" if flag else 2
    return inner(), r

print(outer(True), outer(False))

def listed(flag):
    def inner():
        return label
    label = 1
    first = [inner()]
    label = "y" if flag else 3
    return [inner()], first, {"k": inner()}

print(listed(True), listed(False))
