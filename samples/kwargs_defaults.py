# Calls with keyword and default arguments; print's sep and end.


def greet(name: str, greeting: str = "hello", punct: str = "!") -> str:
    return greeting + ", " + name + punct


def scale(x: float, factor: float = 2.0, offset: int = 0) -> float:
    return x * factor + offset


def describe(n: int, verbose: bool = False, width: int = 6) -> str:
    if verbose:
        return f"n={n:>{width}} ({'even' if n % 2 == 0 else 'odd'})"
    return f"{n:>{width}}"


def clamp(v: int, lo: int = 0, hi: int = 10) -> int:
    return max(lo, min(hi, v))


def main() -> None:
    print(greet("world"))
    print(greet("asyncc", "hi"))
    print(greet("you", punct="?"))
    print(greet(greeting="bye", name="all"))
    print(greet("x", "y", "z"))
    print(scale(1.5), scale(1.5, 3.0), scale(1.5, offset=-1), scale(x=2.0, offset=1, factor=0.5))
    print(describe(7), describe(8, True), describe(9, width=3, verbose=True))
    print([clamp(v) for v in [-5, 0, 5, 15]], clamp(50, hi=20), clamp(-50, lo=-10))
    print("a", "b", "c", sep="-")
    print("no newline", end="")
    print(" <- continued")
    print("x", 1, 2.5, True, sep="", end="|\n")
    print(sep=",")
    print()
    print("multi", "sep", sep=" :: ", end=" END\n")
    print("last", "line", sep="\t")


if __name__ == "__main__":
    main()
