# A generator expression is compiled as a loop or as the list it yields
# for the builtins that consume it; elsewhere it is a lazy generator.
def total(xs: list[int]) -> int:
    return sum(xs)


def main() -> None:
    print(sum(x * x for x in range(10)), any(x > 3 for x in [1, 5]))
    print(total(x * x for x in range(10)))
    print(len(x for x in "abc"))
