# An iterator class (__iter__ returns self, __next__ raises StopIteration) in a
# for loop is not compiled yet; a generator __iter__ is (samples/gen_class_iter.py).
from __future__ import annotations


class Count:
    def __init__(self, n: int) -> None:
        self.i = 0
        self.n = n

    def __iter__(self) -> Count:
        return self

    def __next__(self) -> int:
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i


def main() -> None:
    for x in Count(3):
        print(x)


main()
