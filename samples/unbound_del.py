# del of a local unbinds it: a later read raises UnboundLocalError, and so
# does a second del.  Rebinding after del works again.


def scratch():
    buf = [1, 2, 3]
    total = sum(buf)
    del buf
    try:
        print(len(buf))
    except UnboundLocalError as e:
        print("read after del:", e)
    try:
        del buf
    except UnboundLocalError as e:
        print("second del:", e)
    buf = [total]
    print(buf)


def counter(limit):
    n = 0
    for i in range(limit):
        n += i
        if n > 3:
            del n
            break
    try:
        return n
    except UnboundLocalError:
        return -1


scratch()
print(counter(2), counter(10))
