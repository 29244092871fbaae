def main() -> None:
    print((1 + 2)
    print("next")
