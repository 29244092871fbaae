class Meta(type):
    pass


class Point(metaclass=Meta):
    def __init__(self, x):
        self.x = x
