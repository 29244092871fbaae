# A name a function assigns anywhere in its body is local to it for the whole
# body: a read before the store does not see the global (or the enclosing
# function's variable) of that name.
limit = 5


def shadow():
    try:
        print("limit is", limit)
    except UnboundLocalError as e:
        print("shadow:", e)
    limit = 3
    return limit


def outer():
    total = 10

    def bump(n):
        try:
            total += n  # no nonlocal: bump's own total
        except UnboundLocalError as e:
            print("bump:", e)
        return n

    def grow(n):
        nonlocal total
        total += n
        return total

    bump(1)
    print(grow(2), total)


def previous(xs):
    out = []
    for i, x in enumerate(xs):
        if i > 0:
            out.append((prev, x))  # bound by the iteration before
        prev = x
    return out


print(shadow(), limit)
outer()
print(previous([1, 2, 3]))
