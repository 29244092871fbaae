def main() -> None:
    print(1 2)
