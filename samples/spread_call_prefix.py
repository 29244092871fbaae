# A function value passed before a run-time spread keeps its type (apply(f, *xs)); fixed leading arguments take their parameters.
def apply(f, *args, label="r"):
    return label, f(*args)


def add(a, b):
    return a + b


def greet(name, punct="!"):
    return "hi " + name + punct


xs = [1, 2]
print(apply(add, *xs))
print(apply(add, *xs, label="sum"))
print(greet("bo", *[]), greet("al", *["?"]))
names = ["x", "y"]
print(greet(*names))
