# Runtime error: a constructor given one argument too many, after a first good object.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


pts = [Point(0, 0), Point(1, 2)]
print(pts)
pts.append(Point(3, 4, 5))
print(pts)
