# Reads of a local that no path binds first: del before any store, n = n + 1,
# and a nested def's own 'total += 1' (no nonlocal) all raise UnboundLocalError.
def f():
    try:
        del x
    except UnboundLocalError as e:
        print(e)
    x = 1


def g():
    try:
        n = n + 1
    except UnboundLocalError as e:
        print(e)


def h():
    def inner():
        total += 1
    try:
        inner()
    except UnboundLocalError as e:
        print(e)
    total = 0


f()
g()
h()
