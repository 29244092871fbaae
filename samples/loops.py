# while and for loops over range/list/str with break and continue.


def collatz(n: int) -> int:
    steps: int = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def main() -> None:
    print([collatz(n) for n in range(1, 16)])
    for i in range(10, 0, -3):
        print("down", i)
    for i in range(-5, 5, 4):
        print("up", i)
    found: int = -1
    for i in range(100):
        if i * i > 500:
            found = i
            break
    print("first square > 500:", found)
    odd_sum: int = 0
    for i in range(20):
        if i % 2 == 0:
            continue
        odd_sum += i
    print("odd sum", odd_sum)
    for ch in "loop":
        print(ch, end=".")
    print()
    for w in ["a", "bb", "ccc"]:
        for ch in w:
            if ch == "c":
                break
            print(w, ch)
    k: int = 0
    while k < 3:
        j: int = 0
        while True:
            j += 1
            if j > k:
                break
        print("k", k, "j", j)
        k += 1
    total: float = 0.0
    for i in range(1, 11):
        total += 1 / i
    print("harmonic", total)


if __name__ == "__main__":
    main()
