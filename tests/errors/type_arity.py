def add(a: int, b: int) -> int:
    return a + b


def main() -> None:
    print(add(1))
    print(add(1, 2, 3))
