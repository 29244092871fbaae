# Recursion: fibonacci (naive and with an accumulator), gcd with negative
# operands, small Ackermann values, power set size, string reversal,
# mutual recursion and a recursive flatten of a nested-list structure.


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def fib_acc(n: int, a: int = 0, b: int = 1) -> int:
    return a if n == 0 else fib_acc(n - 1, b, a + b)


def gcd(a: int, b: int) -> int:
    if b == 0:
        return abs(a)
    return gcd(b, a % b)


def ack(m: int, n: int) -> int:
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))


def rev(s: str) -> str:
    return s if len(s) <= 1 else rev(s[1:]) + s[0]


def is_even(n: int) -> bool:
    return True if n == 0 else is_odd(n - 1)


def is_odd(n: int) -> bool:
    return False if n == 0 else is_even(n - 1)


def hanoi(n: int, a: str, b: str, c: str, moves: list[str]) -> None:
    if n == 0:
        return
    hanoi(n - 1, a, c, b, moves)
    moves.append(a + c)
    hanoi(n - 1, b, a, c, moves)


def main() -> None:
    print([fib(i) for i in range(20)])
    print(fib(25), fib_acc(25), fib_acc(90))
    for a, b in [(48, 18), (-48, 18), (48, -18), (0, 5), (17, 0), (1071, 462)]:
        print(f"gcd({a}, {b}) = {gcd(a, b)}")
    for m in range(4):
        print(m, [ack(m, n) for n in range(5)])
    print(ack(3, 5))
    print(rev("recursion"), rev(""), rev("é日x"), rev(rev("abc")))
    print([is_even(n) for n in range(6)], is_odd(301))
    moves: list[str] = []
    hanoi(4, "A", "B", "C", moves)
    print(len(moves), " ".join(moves))
    try:
        print(gcd(10, fib(0) // fib(0)))
    except ZeroDivisionError as e:
        print("recursion and errors:", e)


if __name__ == "__main__":
    main()
