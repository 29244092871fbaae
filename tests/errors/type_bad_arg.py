def double(n: int) -> int:
    return n * 2


def main() -> None:
    print(double("four"))
