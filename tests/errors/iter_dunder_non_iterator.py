# __iter__ returns an object whose class has no __next__: CPython raises
# "TypeError: iter() returned non-iterator of type 'Box'" when the loop
# starts; asyncc knows it when it compiles.  (An __iter__ that returns an
# iterator object works: samples/dunder_iter_next.py.)
class Box:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self


def main():
    for x in Box(3):
        print(x)


main()
