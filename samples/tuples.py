# Tuples: packing, unpacking, swapping, functions returning tuples.


def divmod_floor(a: int, b: int) -> tuple[int, int]:
    return a // b, a % b


def stats(xs: list[float]) -> tuple[float, float, int]:
    lo: float = xs[0]
    hi: float = xs[0]
    for x in xs:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    return (lo, hi, len(xs))


def main() -> None:
    q, r = divmod_floor(17, 5)
    print(q, r)
    for num_a in [-17, 17]:
        for num_b in [-5, 5]:
            qq, rr = divmod_floor(num_a, num_b)
            print(num_a, num_b, qq, rr, qq * num_b + rr == num_a)
    lo, hi, n = stats([2.5, -1.0, 7.25, 0.0])
    print(lo, hi, n)
    x: int = 1
    y: int = 2
    x, y = y, x
    print(x, y)
    a, b, c = 1, "two", 3.0
    print(a, b, c)
    t: tuple[int, str] = (5, "five")
    print(t, t[0], t[1], len(t))
    num, word = t
    print(num, word)
    pair: tuple[int, int] = divmod_floor(-7, 2)
    print(pair, pair == (-4, 1))
    fib_a: int = 0
    fib_b: int = 1
    for _ in range(15):
        fib_a, fib_b = fib_b, fib_a + fib_b
    print("fib", fib_a, fib_b)
    print((1,), (1, 2.5, "s", True), ())


if __name__ == "__main__":
    main()
