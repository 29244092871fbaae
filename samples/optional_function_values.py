# A function or None: narrowed by "is None" and truthiness before the call, printed as None.
def add(a, b):
    return a + b


def sub(a, b):
    return a - b


table = {"add": add, "sub": sub}


def run(name, x, y):
    handler = table[name] if name in table else None
    if handler is None:
        return f"unknown {name}"
    return handler(x, y)


def pick(flag):
    return add if flag else None


print(run("add", 2, 3), run("sub", 2, 3), run("mul", 2, 3))
f = pick(True)
g = pick(False)
print(f is None, g is None, f(1, 1) if f else 0, g)
