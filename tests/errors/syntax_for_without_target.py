def main() -> None:
    print(x for)
