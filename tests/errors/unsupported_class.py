class Point:
    def __init__(self, x: int) -> None:
        self.x = x
