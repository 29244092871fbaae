# The generator sieve: each prime adds a filtering generator in front of
# the stream of candidates.
def numbers_from(n: int):
    while True:
        yield n
        n += 1


def take(src, k: int):
    out: list[int] = []
    for x in src:
        if len(out) == k:
            break
        out.append(x)
    return out


def evens_and_odds(limit: int):
    for i in range(limit):
        if i % 2 == 0:
            yield "even", i
        else:
            yield "odd", i


def primes():
    found: list[int] = []
    for n in numbers_from(2):
        if all(n % p != 0 for p in found):
            found.append(n)
            yield n


def main() -> None:
    print(take(primes(), 15))
    print(take(numbers_from(7), 3))
    for kind, i in evens_and_odds(4):
        print(kind, i)


main()
