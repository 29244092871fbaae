# List comprehensions: filters, nested loops, over range/list/str, with calls.


def is_prime(n: int) -> bool:
    if n < 2:
        return False
    d: int = 2
    while d * d <= n:
        if n % d == 0:
            return False
        d += 1
    return True


def main() -> None:
    sq: list[int] = [i * i for i in range(10)]
    print(sq)
    print([x for x in sq if x % 2 == 1])
    print([p for p in range(50) if is_prime(p)])
    print([c.upper() for c in "async" if c != "y"])
    print([(i, j) for i in range(3) for j in range(i)])
    print([i * j for i in range(1, 4) for j in range(1, 4) if i != j])
    halves: list[float] = [n / 2 for n in range(-3, 4)]
    print(halves)
    words: list[str] = ["alpha", "beta", "gamma", "delta"]
    print([w[0] + str(len(w)) for w in words])
    print([len(w) for w in words if "l" in w])
    grid: list[list[int]] = [[r * 3 + c for c in range(3)] for r in range(3)]
    print(grid)
    print([row[::-1] for row in grid])
    print([grid[i][i] for i in range(3)], sum([sum(row) for row in grid]))
    flags: list[bool] = [n > 0 for n in [-1, 0, 1]]
    print(flags)
    print([f"{n:03d}" for n in range(0, 30, 7)])
    print(sorted([w[::-1] for w in words]), [])
    total: int = sum([i for i in range(101)])
    print("total", total, len([0 for _ in range(5)]))


if __name__ == "__main__":
    main()
