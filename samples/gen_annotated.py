from typing import Generator, Iterator


def countdown(n: int) -> Iterator[int]:
    while n > 0:
        yield n
        n -= 1


def pairs(words: list[str]) -> Generator[tuple[int, str], None, int]:
    i = 0
    for w in words:
        yield (i, w)
        i += 1
    return i


def relay(src: Iterator[int]) -> Iterator[int]:
    for x in src:
        yield x + 1000


def main() -> None:
    print(list(countdown(4)))
    for i, w in pairs(["x", "y"]):
        print(i, w)
    p = pairs(["only"])
    print(next(p))
    try:
        next(p)
    except StopIteration as e:
        print("count", e.value)
    print(list(relay(countdown(3))))
    g: Iterator[int] = countdown(2)
    print(type(g).__name__)


main()
