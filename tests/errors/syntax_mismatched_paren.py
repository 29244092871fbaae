def main() -> None:
    x: list[int] = [(1 + 2]
    print(x)
