def main() -> None:
    x: list[int] = [1, 2, 3]
    print(x[0]]
