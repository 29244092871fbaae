def main() -> None:
    x: int = (1 + 2))
    print(x)
