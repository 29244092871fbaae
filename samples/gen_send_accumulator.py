from typing import Generator


def accumulator() -> Generator[int, int, str]:
    total = 0
    count = 0
    while True:
        x = yield total
        if x < 0:
            return f"{count} values, total {total}"
        total += x
        count += 1


def averager():
    total = 0.0
    n = 0
    avg = 0.0
    while True:
        value = yield avg
        total += value
        n += 1
        avg = total / n


def main() -> None:
    acc = accumulator()
    print(next(acc))
    for v in [5, 10, 20]:
        print("sent", v, "->", acc.send(v))
    try:
        acc.send(-1)
    except StopIteration as e:
        print("finished:", e.value)
    try:
        acc.send(1)
    except StopIteration as e:
        print("again:", e.value)
    a = averager()
    next(a)
    for v in [10, 20, 30, 45]:
        print(a.send(v))
    b = accumulator()
    try:
        b.send(3)
    except TypeError as e:
        print("TypeError:", e)


main()
