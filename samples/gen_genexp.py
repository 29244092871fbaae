# Generator expressions used as values are lazy generators.
def main() -> None:
    k = 3
    squares = (x * x for x in range(10) if x % 2 == 1)
    print(next(squares))
    print(list(squares))
    pairs = ((a, b * k) for a in range(3) for b in range(a))
    for p in pairs:
        print(p)
    words = ["x", "yy", "zzz"]
    lens = (len(w) for w in words)
    print(sum(lens))
    print(sum((n for n in range(5))))
    g = (w.upper() for w in words)
    print(", ".join(g))
    noisy = (print("computing", i) for i in range(3))
    print("nothing computed yet")
    next(noisy)
    print("one computed")
    first_big = next((v for v in [3, 8, 12, 20] if v > 10), -1)
    print(first_big)


main()
