# An instance attribute stored over a method from outside: calls test it (TypeError for a value that cannot be called), other instances keep the method
class Meter:
    def __init__(self):
        self.total = 0
    def count(self, n):
        self.total += n
        return self.total
    def label(self):
        return "meter"

class Sub(Meter):
    def count(self, n):
        return -n

def pick(n):
    return "s" if n else 1.5

m, s, k = Meter(), Sub(), Meter()
print(m.count(2), s.count(3), m.label())
m.count = [1, 2]
s.count = None
k.label = pick(0)
for x in (m, s, k, Meter()):
    for f in ("count", "label"):
        try:
            print(x.count(1) if f == "count" else x.label())
        except TypeError as e:
            print("error:", e)
print(m.count, s.count)
