# Closures that widen what a function returns: a captured list grown with another type, a nonlocal rebound, getters over shared state.
def make():
    data = [1]

    def add(x):
        data.append(x)

    add("s")
    return data[-1]

def last(items):
    def push(v):
        items.append(v)
    push("end")
    return items[-1]

def counter():
    value = 0

    def bump():
        nonlocal value
        value = "many"

    bump()
    return value

print(make(), last([1, 2]), counter())
def make():
    state = [0]

    def get():
        return state[0]

    def put(v):
        state[0] = v

    return get, put

get, put = make()
print(get())
put("x")
print(get())

def box():
    val = 1

    def read():
        return val

    def write(v):
        nonlocal val
        val = v

    return read, write

r, w = box()
print(r())
w("two")
print(r())

def wrap(f):
    def inner(x):
        return f(x)
    return inner

g = wrap(lambda x: x + 1)
print(g(1))
h = wrap(lambda x: str(x) * 2)
print(h(3))
