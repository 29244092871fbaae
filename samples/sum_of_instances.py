# sum() over instances runs their __radd__/__add__ (with a start, and on an empty list); an attribute an int lacks is CPython's AttributeError when it runs
class M:
    def __init__(self, s):
        self.s = s
    def __add__(self, o):
        return M(self.s + "+" + o.s)
    def __radd__(self, o):
        return M(str(o) + "+" + self.s)
    def __repr__(self):
        return f"M({self.s!r})"
xs = [M("a"), M("b"), M("c")]
print(sum(xs), sum(xs, M("z")), sum(xs[:0]))
n = 3
try:
    print(n.foo)
except AttributeError as e:
    print("error:", e)
