# Runtime error: an overriding method with another signature, called as the base one -> TypeError from the subclass.
class Shape:
    def scale(self, k):
        return k


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def scale(self, k, center):
        self.side *= k
        return self.side


shapes = [Shape(), Square(2)]
print(shapes[0].scale(3))
for s in shapes:
    print(s.scale(2))
