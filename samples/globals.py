# Module-level constants and global variables.

LIMIT: int = 5
NAME: str = "counter"
RATE: float = 0.5
PRIMES: list[int] = [2, 3, 5, 7, 11]

counter: int = 0
log: list[str] = []


def bump(by: int = 1) -> int:
    global counter
    counter += by
    log.append(f"{NAME}+{by}")
    return counter


def reset() -> None:
    global counter
    counter = 0


def scaled() -> float:
    return counter * RATE


def main() -> None:
    print(LIMIT, NAME, RATE, PRIMES)
    while counter < LIMIT:
        bump()
    print(counter, scaled(), log)
    bump(10)
    print(counter, scaled())
    reset()
    print(counter, scaled(), len(log))
    for p in PRIMES:
        bump(p)
    print(counter, sum(PRIMES), log[-2:])


if __name__ == "__main__":
    main()
    print("module end", counter)
