def fib(n: int):
    a, b = 0, 1
    for _ in range(n):
        yield a
        a, b = b, a + b


def main() -> None:
    for x in fib(10):
        print(x)
    g = fib(3)
    print(next(g), next(g), next(g))
    print(next(g, -1))
    print(list(fib(8)))
    print(sum(fib(10)))
    print(sorted(fib(6), reverse=True))


main()
