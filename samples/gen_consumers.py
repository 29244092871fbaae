def upto(n: int):
    i = 1
    while i <= n:
        yield i
        i += 1


def names():
    yield "carol"
    yield "alice"
    yield "bob"


def main() -> None:
    print(list(upto(5)))
    print(sum(upto(100)))
    print(sorted(names()))
    print(", ".join(names()))
    print(max(upto(7)), min(upto(7)))
    print(any(upto(3)), all(upto(3)))
    print(len(list(upto(9))))
    print([x * 2 for x in upto(4)])
    total = 0
    for a in upto(3):
        for b in upto(a):
            total += a * b
    print(total)


main()
