# Slice bounds that are None at run time (int | None values, attributes holding either): absent, as in CPython
class Window:
    def __init__(self, start, stop, step=None):
        self.start = start
        self.stop = stop
        self.step = step


def cut(xs, lo=None, hi=None):
    return xs[lo:hi]


xs = [1, 2, 3, 4, 5]
for w in [Window(1, 3), Window(None, 2), Window(2, None), Window(None, None, -1), Window(-2, None, 1)]:
    print(xs[w.start:w.stop:w.step], "abcdef"[w.start:w.stop:w.step])
bounds = [None, 1, -1]
for b in bounds:
    print(cut(xs, b), cut(xs, None, b), xs[b:], "hello"[:b])
