# A sync def bound twice at module level: calls from function bodies and comprehensions reach the def bound when they run.
def greet(name):
    return "hello " + name

def shout(name):
    return greet(name).upper()

print(shout("ann"))

def greet(name):
    return "bye " + name

print(shout("bob"), greet("cy"))

def scale(x):
    return x * 2

values = [scale(i) for i in range(3)]

def scale(x):
    return x * 10

print(values, [scale(i) for i in range(3)])
