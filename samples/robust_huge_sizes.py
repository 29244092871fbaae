# Issue 17: a size the program asks for that memory cannot hold raises
# MemoryError, as in CPython (it aborted the program).
def attempt(k: int) -> None:
    try:
        if k == 0:
            s = "ab" * (2 ** 40)
            print(len(s))
        elif k == 1:
            xs = [0] * (2 ** 40)
            print(len(xs))
        elif k == 2:
            t = "x" * (2 ** 20)
            u = t * (2 ** 21)
            print(len(u))
        elif k == 3:
            ys = [1, 2] * (2 ** 39)
            print(len(ys))
    except MemoryError:
        print(k, "MemoryError")


for k in range(4):
    attempt(k)
