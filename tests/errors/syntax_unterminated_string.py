def main() -> None:
    print("hello)
    print("world")
