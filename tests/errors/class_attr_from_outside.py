class Point:
    def __init__(self, x):
        self.x = x


p = Point(1)
p.label = "origin"
print(p.x)
