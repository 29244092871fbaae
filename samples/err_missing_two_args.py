# Runtime error: a method called without two of its arguments -> TypeError naming both, as CPython does.
class Rect:
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def resize(self, dw, dh, keep=False):
        self.w += dw
        self.h += dh
        return keep


r = Rect(2, 3)
r.resize(1, 1)
print(r.w, r.h)
r.resize()
print("not reached")
