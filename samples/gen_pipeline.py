# Generators chained into a pipeline: each stage pulls from the one before.
from typing import Iterator


def numbers(limit: int):
    n = 0
    while n < limit:
        print("produce", n)
        yield n
        n += 1


def squares(src: Iterator[int]):
    for x in src:
        yield x * x


def evens(src: Iterator[int]):
    for x in src:
        if x % 2 == 0:
            yield x


def take(src: Iterator[int], k: int):
    if k <= 0:
        return
    count = 0
    for x in src:
        yield x
        count += 1
        if count == k:
            return


def labels(src: Iterator[int]):
    for x in src:
        yield f"<{x}>"


def main() -> None:
    for item in take(evens(squares(numbers(100))), 3):
        print("consume", item)
    print(" ".join(labels(take(numbers(5), 4))))
    print(sum(squares(numbers(4))))


main()
