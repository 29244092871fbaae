from typing import Iterator

holder: list[Iterator[int]] = []


def selfish() -> Iterator[int]:
    yield 1
    try:
        yield next(holder[0])
    except ValueError as e:
        print("ValueError:", e)
    yield 3


def main() -> None:
    g = selfish()
    holder.append(g)
    print(next(g))
    print(next(g))
    print(next(g, -1))
    holder.clear()


main()
